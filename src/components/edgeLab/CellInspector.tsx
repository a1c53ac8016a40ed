import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RichText } from '../common/RichText';
import type { ConvCellExplanation } from '../../core/convolve';
import type { PoolWindowExplanation, PoolKind } from '../../core/pool';
import type { EdgeRule } from '../../core/edgeRule';
import { passesThreshold } from '../../core/threshold';

/** Number formatting for the worked arithmetic: integers stay integers, others get 2 decimals. */
export function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** One-line explanation of a convolution cell (for the live region and tooltips). */
export function describeConvCell(t: TFunction<'edgeLab'>, filter: number, ex: ConvCellExplanation, rule: EdgeRule): string {
  const fires = passesThreshold(ex.sum, rule.threshold, rule.comparator);
  return t(fires ? 'describe.convFires' : 'describe.convQuiet', {
    filter: filter + 1,
    row: ex.outRow + 1,
    col: ex.outCol + 1,
    products: ex.terms.map((term) => `${formatNumber(term.value)}×${formatNumber(term.weight)}`).join(' + '),
    sum: formatNumber(ex.sum),
    sym: rule.comparator === '>=' ? '≥' : '>',
    threshold: rule.threshold,
  });
}

/** One-line explanation of a pooled cell. */
export function describePoolCell(t: TFunction<'edgeLab'>, filter: number, ex: PoolWindowExplanation, kind: PoolKind): string {
  return t('describe.pool', {
    filter: filter + 1,
    row: ex.outRow + 1,
    col: ex.outCol + 1,
    kind: t(`poolKind.${kind}`),
    values: ex.cells.map((c) => formatNumber(c.value)).join(t('listSeparator')),
    result: formatNumber(ex.result),
  });
}

export type Inspection =
  { kind: 'conv'; filter: number; explanation: ConvCellExplanation } | { kind: 'pool'; filter: number; explanation: PoolWindowExplanation; pool: PoolKind };

/** The worked arithmetic of the inspected cell: the nine products, the sum and the rule. */
export function CellInspector({ inspection, rule }: { inspection: Inspection | null; rule: EdgeRule }) {
  const { t } = useTranslation('edgeLab');
  if (!inspection) {
    return (
      <div className="inspector" data-testid="inspector">
        <p className="muted">{t('inspector.hint')}</p>
      </div>
    );
  }
  if (inspection.kind === 'pool') {
    const ex = inspection.explanation;
    const side = Math.round(Math.sqrt(ex.cells.length));
    return (
      <div className="inspector" data-testid="inspector" data-kind="pool">
        <h4>{t('inspector.poolTitle', { filter: inspection.filter + 1, row: ex.outRow + 1, col: ex.outCol + 1 })}</h4>
        <div className="arith-grid" style={{ gridTemplateColumns: `repeat(${side}, auto)` }}>
          {ex.cells.map((c, i) => (
            <span key={i} className={i === ex.chosenIndex ? 'arith-cell arith-cell--chosen' : c.inside ? 'arith-cell' : 'arith-cell arith-cell--pad'}>
              {formatNumber(c.value)}
            </span>
          ))}
        </div>
        <p>
          <RichText
            t={t}
            i18nKey="inspector.poolResult"
            values={{ kind: t(`poolKind.${inspection.pool}`), result: formatNumber(ex.result) }}
            components={{ result: <strong /> }}
          />
          {ex.chosenIndex !== null ? t('inspector.chosen') : t('inspector.mean')}
          {ex.cells.some((c) => !c.inside) ? t('inspector.padded') : t('inspector.end')}
        </p>
      </div>
    );
  }
  const ex = inspection.explanation;
  const side = Math.round(Math.sqrt(ex.terms.length));
  const fires = passesThreshold(ex.sum, rule.threshold, rule.comparator);
  const sym = rule.comparator === '>=' ? '≥' : '>';
  const sum = formatNumber(ex.sum);
  return (
    <div className="inspector" data-testid="inspector" data-kind="conv" data-sum={ex.sum}>
      <h4>{t('inspector.convTitle', { filter: inspection.filter + 1, row: ex.outRow + 1, col: ex.outCol + 1 })}</h4>
      <div className="arith-grid" style={{ gridTemplateColumns: `repeat(${side}, auto)` }}>
        {ex.terms.map((term, i) => (
          <span
            key={i}
            className={term.inside ? 'arith-cell' : 'arith-cell arith-cell--pad'}
            title={term.inside ? t('inspector.inputCell', { row: term.inputRow + 1, col: term.inputCol + 1 }) : t('inspector.padCell')}
          >
            {formatNumber(term.value)}×{formatNumber(term.weight)} = <strong>{formatNumber(term.product)}</strong>
          </span>
        ))}
      </div>
      <p>
        <RichText
          t={t}
          i18nKey={fires ? 'inspector.convFires' : 'inspector.convQuiet'}
          values={{ sum, sym, threshold: rule.threshold }}
          components={{ sum: <strong />, out: <strong className={fires ? 'fires' : ''} /> }}
        />
      </p>
    </div>
  );
}
