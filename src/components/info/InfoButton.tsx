import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/teach.css';

export interface InfoButtonProps {
  /** Names the hook: data-testid="info-<panel>". */
  readonly panel: string;
  /** What the panel is about, for the button's accessible name (already translated). */
  readonly topic: string;
  /** The explanation in plain words, one short paragraph per entry (already translated). */
  readonly paragraphs: readonly string[];
}

/**
 * A small "i" button that opens a short explanation of its panel. Escape, the close button,
 * a second click or a click elsewhere closes it; focus returns to the button.
 */
export function InfoButton({ panel, topic, paragraphs }: InfoButtonProps) {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <span className="info" ref={root}>
      <button
        ref={button}
        type="button"
        className="info__button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('info.open', { topic })}
        data-testid={`info-${panel}`}
        onClick={() => setOpen((o) => !o)}
      >
        i
      </button>
      {open && (
        <span id={id} className="info__popover" role="note" data-testid={`info-${panel}-text`}>
          {paragraphs.map((p, i) => (
            <span key={i} className="info__paragraph">
              {p}
            </span>
          ))}
          <button type="button" className="info__close" onClick={() => setOpen(false)} aria-label={t('info.close')}>
            ×
          </button>
        </span>
      )}
    </span>
  );
}
