import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../styles/lessons.css';

export interface InfoButtonProps {
  /** Used in the test id: `info-<panel>`. */
  readonly panel: string;
  /** What the panel is about, in plain words (already translated). */
  readonly text: string;
  /** The panel's title, for the button's accessible name. */
  readonly title: string;
}

/** A small "i" button that opens a plain-words explanation of its panel; Escape closes it. */
export function InfoButton({ panel, text, title }: InfoButtonProps) {
  const { t } = useTranslation('lessons');
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <span className="info">
      <button
        ref={button}
        type="button"
        className="info__button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('info.open', { title })}
        data-testid={`info-${panel}`}
        onClick={() => setOpen((o) => !o)}
      >
        i
      </button>
      {open && (
        <span id={id} role="note" className="info__popover" data-testid={`info-${panel}-text`}>
          {text}
          <button type="button" className="info__close" onClick={() => setOpen(false)} aria-label={t('info.close')}>
            ×
          </button>
        </span>
      )}
    </span>
  );
}
