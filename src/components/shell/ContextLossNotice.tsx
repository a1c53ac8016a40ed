import { useTranslation } from 'react-i18next';
import type { ContextLossReport } from '../../model/session';
import '../../styles/reliability.css';

export interface ContextLossNoticeProps {
  readonly report: ContextLossReport | null;
}

/** Tells the user the GPU stopped working, that ConvLens moved to the CPU, and what happened to their model and their training run. */
export function ContextLossNotice({ report }: ContextLossNoticeProps) {
  const { t } = useTranslation('reliability');
  if (!report) return null;
  const outcome = report.runContinued
    ? t('contextLost.runContinued')
    : report.keptEpoch !== null
      ? t(report.runStopped ? 'contextLost.runStoppedKept' : 'contextLost.modelKept', { epoch: report.keptEpoch })
      : report.trainedDiscarded
        ? t(report.runStopped ? 'contextLost.runStoppedDiscarded' : 'contextLost.modelDiscarded')
        : null;
  return (
    <div
      className="notice context-lost"
      role="alert"
      data-testid="context-lost-notice"
      data-kept-epoch={report.keptEpoch ?? ''}
      data-run={report.runContinued ? 'continued' : report.runStopped ? 'stopped' : 'none'}
    >
      <strong>{t('contextLost.title')}</strong> {t('contextLost.switched')}
      {outcome && <> {outcome}</>}
    </div>
  );
}
