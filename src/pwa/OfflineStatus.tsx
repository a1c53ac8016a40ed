import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { offlineStore } from './offlineState';
import '../styles/pwa.css';

/** A quiet line in the header: "works offline" once cached, or an offer to update. */
export function OfflineStatus() {
  const { t } = useTranslation('pwa');
  const state = useSyncExternalStore(offlineStore.subscribe, offlineStore.get);
  if (state === 'idle') return null;
  if (state === 'ready') {
    return (
      <span className="status-pill pwa-status" role="status" data-testid="offline-status" data-state="ready" title={t('readyDetail')}>
        {t('ready')}
      </span>
    );
  }
  return (
    <span className="status-pill pwa-status pwa-status--update" role="status" data-testid="offline-status" data-state="update">
      {t('update')}{' '}
      <button type="button" className="pwa-status__reload" data-testid="pwa-reload" onClick={offlineStore.update}>
        {t('reload')}
      </button>
    </span>
  );
}
