import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../state/shortcuts';

export interface ShortcutsOverlayProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

/**
 * The list of keyboard shortcuts, in a modal dialog: Escape or the close button closes it,
 * focus starts on the close button, stays inside while open and returns where it was.
 */
export const ShortcutsOverlay = memo(function ShortcutsOverlay({ open, onClose }: ShortcutsOverlayProps) {
  const { t } = useTranslation('share');
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d || !open) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    closeButton.current?.focus();
    return () => {
      if (d.open) d.close();
      returnTo?.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="shortcuts"
      data-testid="shortcuts"
      aria-labelledby="shortcuts-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="shortcuts__body">
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <dl className="shortcuts__list">
          {SHORTCUTS.map((s) => (
            <div key={s.key} className="shortcuts__item">
              <dt>
                <kbd>{s.key.toUpperCase()}</kbd>
              </dt>
              <dd>{t(`shortcuts.action.${s.action}`)}</dd>
            </div>
          ))}
          <div className="shortcuts__item">
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>{t('shortcuts.closeHint')}</dd>
          </div>
        </dl>
        <p className="shortcuts__note">{t('shortcuts.note')}</p>
        <button ref={closeButton} type="button" className="shortcuts__close" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
});
