import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linkOmitsInput, type ShareState } from '../../state/shareState';
import { linkTo } from './useShareLink';
import { useShortcutAction } from '../shortcuts/useShortcuts';

export interface CopyLinkButtonProps {
  readonly state: ShareState;
}

type Outcome = { kind: 'copied'; omitsUpload: boolean } | { kind: 'manual'; url: string; omitsUpload: boolean };

/** How long the confirmation stays on screen. */
const CONFIRM_MS = 6000;

/**
 * Copies a link to the current view. Where the clipboard is unavailable (an insecure page,
 * a refused permission), the link appears selected in a field to copy by hand.
 */
export function CopyLinkButton({ state }: CopyLinkButtonProps) {
  const { t } = useTranslation('share');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const field = useRef<HTMLInputElement>(null);

  const copy = () => {
    const url = linkTo(state);
    const omitsUpload = linkOmitsInput(state);
    const manual = () => setOutcome({ kind: 'manual', url, omitsUpload });
    if (!navigator.clipboard?.writeText) {
      manual();
      return;
    }
    navigator.clipboard.writeText(url).then(() => setOutcome({ kind: 'copied', omitsUpload }), manual);
  };

  useShortcutAction('copy-link', copy);

  useEffect(() => {
    if (outcome?.kind === 'manual') field.current?.select();
    if (outcome?.kind !== 'copied') return;
    const id = window.setTimeout(() => setOutcome(null), CONFIRM_MS);
    return () => window.clearTimeout(id);
  }, [outcome]);

  return (
    <div className="copy-link">
      <button type="button" className="copy-link__button" data-testid="copy-link" onClick={copy}>
        {t('copyLink')}
      </button>
      <span className="copy-link__status" role="status" data-testid="copy-link-status" data-outcome={outcome?.kind ?? ''}>
        {outcome?.kind === 'copied' && t('copied')}
        {outcome?.kind === 'manual' && t('copyByHand')}
        {outcome?.omitsUpload && ` ${t('uploadNotInLink')}`}
      </span>
      {outcome?.kind === 'manual' && (
        <span className="copy-link__manual">
          <input
            ref={field}
            type="text"
            readOnly
            value={outcome.url}
            aria-label={t('linkField')}
            data-testid="copy-link-field"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" aria-label={t('closeLinkField')} onClick={() => setOutcome(null)}>
            ×
          </button>
        </span>
      )}
    </div>
  );
}
