import { useTranslation } from 'react-i18next';
import type { SavedModelInfo } from '../../model/library';
import { formatBytes } from './formatBytes';

export interface SavedModelRowProps {
  readonly info: SavedModelInfo;
  readonly busy: boolean;
  /** False until the network (tfjs) is ready to take a model. */
  readonly canLoad: boolean;
  /** True while this row asks whether to delete. */
  readonly confirming: boolean;
  readonly onLoad: () => void;
  readonly onDownload: () => void;
  readonly onAskDelete: () => void;
  readonly onConfirmDelete: () => void;
  readonly onCancelDelete: () => void;
}

/** One saved model: name, date, architecture, held-out accuracy, size, and its actions. */
export function SavedModelRow({ info, busy, canLoad, confirming, onLoad, onDownload, onAskDelete, onConfirmDelete, onCancelDelete }: SavedModelRowProps) {
  const { t, i18n } = useTranslation('models');
  const date = new Date(info.savedAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const accuracy = info.heldOutAccuracy === null ? t('accuracyUnknown') : t('accuracy', { value: (info.heldOutAccuracy * 100).toFixed(1) });
  return (
    <li className="model-item" data-testid="model-item" data-name={info.name}>
      <div className="model-item__text">
        <strong className="model-item__name">{info.name}</strong>
        <span className="model-item__details">
          {t('architecture', { blocks: info.spec.convBlocks.length, dense: info.spec.dense.length })} · {accuracy} · {formatBytes(info.bytes, i18n.language)}
        </span>
        <time className="model-item__date" dateTime={info.savedAt}>
          {t('savedAt', { date })}
        </time>
      </div>
      {confirming ? (
        <div className="model-item__actions model-item__confirm" role="group" aria-label={t('confirmDelete', { name: info.name })}>
          <span>{t('confirmDelete', { name: info.name })}</span>
          <button type="button" className="danger" data-testid="model-delete-confirm" disabled={busy} onClick={onConfirmDelete}>
            {t('confirmYes')}
          </button>
          <button type="button" data-testid="model-delete-cancel" onClick={onCancelDelete}>
            {t('confirmNo')}
          </button>
        </div>
      ) : (
        <div className="model-item__actions">
          <button type="button" data-testid="model-load" disabled={busy || !canLoad} aria-label={t('loadLabel', { name: info.name })} onClick={onLoad}>
            {t('load')}
          </button>
          <button type="button" data-testid="model-download" disabled={busy} aria-label={t('downloadLabel', { name: info.name })} onClick={onDownload}>
            {t('download')}
          </button>
          <button type="button" data-testid="model-delete" disabled={busy} aria-label={t('deleteLabel', { name: info.name })} onClick={onAskDelete}>
            {t('delete')}
          </button>
        </div>
      )}
    </li>
  );
}
