import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelInView, ModelSession, SessionStatus } from '../../model/session';
import { PanelInfo } from '../info/PanelInfo';

export interface StatusBarProps {
  readonly session: ModelSession | null;
  readonly status: SessionStatus | null;
  readonly error: string | null;
  readonly onShow: (which: ModelInView) => void;
}

/** Which backend computes, which model is in view, and how many tensors are alive. */
export const StatusBar = memo(function StatusBar({ session, status, error, onShow }: StatusBarProps) {
  const { t } = useTranslation('status');
  const [tensors, setTensors] = useState<number | null>(null);
  useEffect(() => {
    if (!session) return;
    const tick = () => setTensors(session.tensorCount());
    tick();
    const id = window.setInterval(tick, 400);
    return () => window.clearInterval(id);
  }, [session]);
  const backend = status?.backend.backend ?? '';
  return (
    <div className="status-bar">
      <span className="status-pill" data-testid="backend" data-backend={backend} title={t('backendTitle')}>
        {error ? t('unavailable') : backend ? t('backend', { backend }) : t('loading')}
      </span>
      <span className="status-pill" data-testid="tensor-count" data-count={tensors ?? ''} title={t('tensorsTitle')}>
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
