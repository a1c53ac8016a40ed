import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { softmaxWorked } from '../../core/softmaxWorked';
import type { LayerOutput } from '../../model/activations';
import type { InputSource } from '../../state/labState';
import { DIGITS, DigitSelect } from '../common/DigitSelect';
import { formatWorked } from './formatWorked';
import { PanelHeader } from '../info/PanelHeader';
import { useCommitCount } from '../common/useCommitCount';
import '../../styles/teach.css';

export interface SoftmaxWorkedPanelProps {
  readonly layers: LayerOutput[] | null;
  readonly source: InputSource;
  /** True when the pad is empty: nothing to classify. */
  readonly empty: boolean;
}

/** Softmax and the cross-entropy loss worked out for the current digit, class by class. */
export function SoftmaxWorkedPanel({ layers, source, empty }: SoftmaxWorkedPanelProps) {
  const { t } = useTranslation('teach');
  const [chosenLabel, setChosenLabel] = useState<number | null>(null);
  const logits = layers?.find((l) => l.kind === 'logits')?.data ?? null;
  const trueLabel = source.kind === 'sample' ? source.id.digit : chosenLabel;
  const worked = useMemo(() => (logits && !empty ? softmaxWorked(logits, trueLabel) : null), [logits, trueLabel, empty]);
  const counted = useCommitCount<HTMLElement>();

  return (
    <section ref={counted} className="panel teach-panel" aria-labelledby="softmax-worked-title" data-testid="softmax-worked">
      <PanelHeader
        titleId="softmax-worked-title"
        title={t('softmax.title')}
        panel="softmax-worked"
        paragraphs={[t('softmax.info1'), t('softmax.info2'), t('softmax.info3')]}
      />
      <p className="muted">{t('softmax.intro')}</p>
      <div className="softmax-worked__label">
        <DigitSelect
          label={t('softmax.trueLabel')}
          placeholder={t('softmax.chooseLabel')}
          value={trueLabel}
          onChange={setChosenLabel}
          testId="true-label"
          disabled={source.kind === 'sample'}
        />
        <span className="muted">{source.kind === 'sample' ? t('softmax.labelKnown') : t('softmax.labelChoose')}</span>
      </div>
      {!worked ? (
        <p className="muted">{empty ? t('softmax.empty') : t('softmax.waiting')}</p>
      ) : (
        <>
          <div className="worked-table__scroll" tabIndex={0} role="region" aria-label={t('softmax.caption')}>
            <table className="worked-table">
              <caption className="visually-hidden">{t('softmax.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('softmax.colDigit')}</th>
                  <th scope="col">
                    {t('softmax.colLogit')}
                    <span className="worked-table__formula">z</span>
                  </th>
                  <th scope="col">
                    {t('softmax.colShifted')}
                    <span className="worked-table__formula">z − {formatWorked(worked.max, 2)}</span>
                  </th>
                  <th scope="col">
                    {t('softmax.colExp')}
                    <span className="worked-table__formula">e^(z − max)</span>
                  </th>
                  <th scope="col">
                    {t('softmax.colProbability')}
                    <span className="worked-table__formula">e^(z − max) ÷ {formatWorked(worked.sum)}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {DIGITS.map((d) => {
                  const classes = [d === worked.predicted ? 'worked-table__row--top' : '', d === worked.trueLabel ? 'worked-table__row--true' : '']
                    .join(' ')
                    .trim();
                  return (
                    <tr
                      key={d}
                      className={classes || undefined}
                      data-testid={`softmax-row-${d}`}
                      data-probability={worked.probabilities[d]}
                      data-logit={worked.logits[d]}
                    >
                      <th scope="row">
                        {d}
                        {d === worked.trueLabel && <span className="worked-table__tag">{t('softmax.trueTag')}</span>}
                        {d === worked.predicted && <span className="worked-table__tag worked-table__tag--top">{t('softmax.topTag')}</span>}
                      </th>
                      <td>{formatWorked(worked.logits[d], 2)}</td>
                      <td>{formatWorked(worked.shifted[d], 2)}</td>
                      <td>{formatWorked(worked.exps[d])}</td>
                      <td>
                        <span className="worked-table__bar" style={{ width: `${Math.max(0, worked.probabilities[d]) * 60}px` }} aria-hidden="true" />
                        {formatWorked(worked.probabilities[d])}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    {t('softmax.sum')}
                  </th>
                  <td>{formatWorked(worked.sum)}</td>
                  <td>1</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p className="worked-loss" data-testid="loss-value" data-loss={worked.loss ?? ''}>
            {worked.loss === null || worked.trueLabel === null ? (
              t('softmax.noLoss')
            ) : (
              <>
                {t('softmax.lossIntro', { digit: worked.trueLabel })}{' '}
                <strong>
                  −ln({formatWorked(worked.probabilities[worked.trueLabel])}) = {formatWorked(worked.loss)}
                </strong>
                <span className="muted"> {worked.trueLabel === worked.predicted ? t('softmax.lossRight') : t('softmax.lossWrong')}</span>
              </>
            )}
          </p>
        </>
      )}
    </section>
  );
}
