import { useTranslation } from 'react-i18next';
import type { ShareProblem } from '../../state/shareState';

export interface LinkNoticeProps {
  readonly problems: readonly ShareProblem[];
  readonly onDismiss: () => void;
}

/**
 * Says, in plain words, which settings of the link that opened the page could not be used and
 * were reset, and which unknown settings were ignored. Key names come from the address bar, so
 * they are shown as text only.
 */
export function LinkNotice({ problems, onDismiss }: LinkNoticeProps) {
  const { t } = useTranslation('share');
  if (problems.length === 0) return null;
  const separator = t('notice.separator');
  const reset = problems.filter((p) => p.reason !== 'unknown-key');
  const unknown = problems.filter((p) => p.reason === 'unknown-key');
  const resetText = reset.map((p) => t('notice.item', { setting: t(`setting.${p.key}`), reason: t(`reason.${p.reason}`) })).join(separator);
  return (
    <div className="notice link-notice" role="status" data-testid="link-notice">
      <p>
        {reset.length > 0 && <span data-testid="link-notice-reset">{t('notice.reset', { list: resetText })} </span>}
        {unknown.length > 0 && <span data-testid="link-notice-unknown">{t('notice.unknown', { list: unknown.map((p) => `“${p.key}”`).join(separator) })}</span>}
      </p>
      <button type="button" className="link-notice__dismiss" aria-label={t('notice.dismiss')} data-testid="link-notice-dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
