import { memo, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelSession, SessionStatus } from '../../model/session';
import { MODEL_FILE_LIMITS, MODEL_NAME_MAX } from '../../model/modelFiles';
import { formatBytes } from './formatBytes';
import { SavedModelRow } from './SavedModelRow';
import { useModelLibrary, type LibraryNotice } from './useModelLibrary';
import '../../styles/modelLibrary.css';
import { PanelInfo } from '../info/PanelInfo';

export interface ModelLibraryProps {
  readonly session: ModelSession | null;
  readonly status: SessionStatus | null;
}

/** Byte counts become "424 kB"; other numbers get the locale's digit grouping. */
function formatParams(params: LibraryNotice['params'], locale: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = typeof value === 'number' ? (key === 'size' || key === 'limit' ? formatBytes(value, locale) : value.toLocaleString(locale)) : value;
  }
  return out;
}

/**
 * Saved models: save the trained model by name, list, load, download, delete, upload files.
 * Memoised: the app re-renders every animation frame while training, this panel need not.
 */
export const ModelLibrary = memo(function ModelLibrary({ session, status }: ModelLibraryProps) {
  const { t, i18n } = useTranslation('models');
  const lib = useModelLibrary(session, status);
  const [name, setName] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const uploadRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const canSave = !!session && !!status?.hasTrained && !status.training;
  const saveHint = !status?.hasTrained ? t('saveHintNone') : status.training ? t('saveHintTraining') : t('saveHintReady');
  const notice = lib.notice;

  return (
    <section className="panel model-library" aria-labelledby={`${ids}-title`} data-testid="model-library" aria-busy={lib.busy}>
      <header className="panel__header">
        <div className="titled">
          <h2 id={`${ids}-title`}>{t('title')}</h2>
          <PanelInfo what="models" />
        </div>
        <p className="muted">{t('intro')}</p>
      </header>
      <div className="model-library__grid">
        <div className="model-library__save">
          <form
            className="model-library__form"
            onSubmit={(e) => {
              e.preventDefault();
              if (canSave && !lib.busy) lib.save(name);
            }}
          >
            <label htmlFor={`${ids}-name`}>{t('nameLabel')}</label>
            <div className="model-library__row">
              <input
                id={`${ids}-name`}
                type="text"
                value={name}
                maxLength={MODEL_NAME_MAX + 10}
                placeholder={t('namePlaceholder')}
                data-testid="model-name"
                onChange={(e) => setName(e.target.value)}
              />
              <button type="submit" className="primary" data-testid="model-save" disabled={!canSave || lib.busy} aria-describedby={`${ids}-save-hint`}>
                {t('save')}
              </button>
            </div>
            <p id={`${ids}-save-hint`} className="model-library__hint" data-testid="model-save-hint">
              {saveHint}
            </p>
          </form>
          <div className="model-library__upload">
            <button type="button" disabled={lib.busy || !session} aria-describedby={`${ids}-upload-hint`} onClick={() => uploadRef.current?.click()}>
              {t('upload')}
            </button>
            <input
              ref={uploadRef}
              type="file"
              multiple
              accept=".json,.bin,application/json,application/octet-stream"
              className="visually-hidden"
              tabIndex={-1}
              aria-label={t('upload')}
              data-testid="model-upload-input"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                if (files.length > 0) void lib.upload(files);
              }}
            />
            <p id={`${ids}-upload-hint`} className="model-library__hint">
              {t('uploadHint', {
                json: formatBytes(MODEL_FILE_LIMITS.modelJsonBytes, i18n.language),
                weights: formatBytes(MODEL_FILE_LIMITS.weightsBytes, i18n.language),
              })}
            </p>
          </div>
          <p className="model-library__status" role="status" data-testid="model-message">
            {notice?.kind === 'message' ? t(notice.key, formatParams(notice.params, i18n.language)) : lib.busy ? t('busy') : ''}
          </p>
          {notice?.kind === 'error' && (
            <p className="error" role="alert" data-testid="model-error" data-code={notice.key.replace(/^errors\./, '')}>
              {t(notice.key, formatParams(notice.params, i18n.language))}
            </p>
          )}
        </div>
        <div className="model-library__list">
          <h3 id={`${ids}-list`}>{t('listLabel')}</h3>
          {lib.items === null ? (
            <p className="muted">{t('busy')}</p>
          ) : lib.items.length === 0 ? (
            <p className="muted" data-testid="model-list-empty">
              {t('empty')}
            </p>
          ) : (
            <ul aria-labelledby={`${ids}-list`}>
              {lib.items.map((info) => (
                <SavedModelRow
                  key={info.name}
                  info={info}
                  busy={lib.busy}
                  canLoad={session !== null}
                  confirming={confirming === info.name}
                  onLoad={() => void lib.load(info.name)}
                  onDownload={() => void lib.download(info.name)}
                  onAskDelete={() => setConfirming(info.name)}
                  onCancelDelete={() => setConfirming(null)}
                  onConfirmDelete={() => {
                    setConfirming(null);
                    void lib.remove(info.name);
                  }}
                />
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
});
