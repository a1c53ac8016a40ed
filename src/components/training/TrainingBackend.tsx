import { useTranslation } from 'react-i18next';
import type { TrainerInfo } from '../../model/trainMetrics';
import { TrainingBackendRates } from './TrainingBackendRates';

/** Where training runs: which backend, on the page or in a worker (with the worker's tensor count), and the trial that chose it. */
export function TrainingBackend({ trainer }: { readonly trainer: TrainerInfo | null }) {
  const { t } = useTranslation('training');
  const backend = trainer ? t(`trainer.backendName.${trainer.backend}`) : '';
  return (
    <>
      <p
        className="training__backend"
        data-testid="train-backend"
        data-backend={trainer?.backend ?? ''}
        data-in-worker={trainer ? String(trainer.inWorker) : ''}
        title={trainer?.fallback ? t('trainer.fallback', { reason: trainer.fallback }) : undefined}
      >
        {!trainer ? (
          t('trainer.pending')
        ) : trainer.inWorker ? (
          <span data-testid="worker-tensors" data-count={trainer.workerTensors ?? ''}>
            {t('trainer.worker', { backend, n: trainer.workerTensors ?? '–' })}
          </span>
        ) : (
          t('trainer.page', { backend })
        )}
      </p>
      <TrainingBackendRates trainer={trainer} />
    </>
  );
}
