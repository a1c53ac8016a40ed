import { useTranslation } from 'react-i18next';
import { InfoButton } from '../info/InfoButton';
import type { RunRecord } from './useRunHistory';
import '../../styles/compare.css';

export interface RunComparePanelProps {
  readonly previous: RunRecord | null;
  readonly current: RunRecord | null;
}

function percent(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}

/** The last two runs side by side: how each started, its dropout, and its training / held-out gap. */
export function RunComparePanel({ previous, current }: RunComparePanelProps) {
  const { t } = useTranslation('compare');
  const title = t('runs.title');
  const rows = [
    { id: 'previous', name: t('runs.previous'), run: previous },
    { id: 'current', name: t('runs.current'), run: current },
  ].filter((r): r is { id: string; name: string; run: RunRecord } => r.run !== null);
  return (
    <section className="run-compare" aria-labelledby="run-compare-title" data-testid="run-compare">
      <h3 id="run-compare-title" className="compare-header">
        {title} <InfoButton panel="run-compare" topic={title} paragraphs={[t('runs.info1'), t('runs.info2')]} />
      </h3>
      <p className="dropout-panel__note">{t('runs.guide')}</p>
      {rows.length === 0 ? (
        <p className="muted dropout-panel__note">{t('runs.none')}</p>
      ) : (
        <div className="run-compare__scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('runs.run')}</th>
                <th scope="col">{t('runs.firstLayer')}</th>
                <th scope="col">{t('runs.dropout')}</th>
                <th scope="col">{t('runs.digits')}</th>
                <th scope="col">{t('runs.train')}</th>
                <th scope="col">{t('runs.heldOut')}</th>
                <th scope="col">{t('runs.gap')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ id, name, run }) => {
                const last = run.history[run.history.length - 1];
                const gap = last.trainAccuracy - last.heldOutAccuracy;
                return (
                  <tr key={id} data-testid={`run-compare-${id}`} data-gap={gap} data-dropout={run.meta.dropout.join(',')}>
                    <th scope="row">{name}</th>
                    <td>{t(`start.short.${run.meta.firstLayer}`)}</td>
                    <td>{run.meta.dropout.length ? run.meta.dropout.join(' / ') : '–'}</td>
                    <td>{t('runs.digitsEpochs', { digits: run.meta.trainExamples, epochs: run.history.length })}</td>
                    <td>{percent(last.trainAccuracy)}</td>
                    <td>{percent(last.heldOutAccuracy)}</td>
                    <td>{percent(gap)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
