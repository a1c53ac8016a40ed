import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../styles/teach.css';

export interface InfoButtonProps {
  /** Names the hook: data-testid="info-<panel>". */
  readonly panel: string;
  /** What the panel is about, for the button's accessible name. */
  readonly topic: string;
  /** The explanation, in plain words (one short paragraph per entry). */
  readonly paragraphs: readonly string[];
}

/** A small "i" button that opens a short explanation; Escape or a second click closes it. */
export function InfoButton({ panel, topic, paragraphs }: InfoButtonProps) {
  const { t } = useTranslation('teach');
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  return (
    <span className="info" ref={root} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
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
        <div id={id} className="info__popover" role="note" data-testid={`info-${panel}-text`}>
          {paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
    </span>
  );
}
