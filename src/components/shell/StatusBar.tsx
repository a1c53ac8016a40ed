import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelInView, ModelSession } from '../../model/session';
import { PanelInfo } from '../info/PanelInfo';
import { useSessionStatus, useTensorCount } from '../network/useSessionStatus';

export interface StatusBarProps {
  readonly session: ModelSession | null;
  readonly error: string | null;
  readonly onShow: (which: ModelInView) => void;
}

/** Which backend computes, which model is in view, and how many tensors are alive. */
export const StatusBar = memo(function StatusBar({ session, error, onShow }: StatusBarProps) {
  const { t } = useTranslation('status');
  const status = useSessionStatus(session);
  const tensors = useTensorCount(session);
  const backend = status?.backend.backend ?? '';
  return (
    <div className="status-bar">
      <span className="status-pill" data-testid="backend" data-backend={backend} title={t('backendTitle')}>
        {error ? t('unavailable') : backend ? t('backend', { backend }) : t('loading')}
      </span>
      <span
        className="status-pill"
        data-testid="tensor-count"
        data-count={tensors ?? ''}
        data-worker-tensors={status?.trainer?.workerTensors ?? ''}
        title={t('tensorsTitle')}
      >
        {t('tensors', { n: tensors ?? '–' })}
      </span>
      <PanelInfo what="status" />
      {status?.hasTrained && (
        <span className="status-switch" role="group" aria-label={t('modelInView')}>
          <button type="button" aria-pressed={status.inView === 'pretrained'} data-testid="show-pretrained" onClick={() => onShow('pretrained')}>
            {t('pretrained')}
          </button>
          <button type="button" aria-pressed={status.inView === 'trained'} data-testid="show-trained" onClick={() => onShow('trained')}>
            {t('yourModel')}
          </button>
        </span>
      )}
    </div>
  );
});
