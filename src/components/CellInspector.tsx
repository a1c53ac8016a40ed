import type { ConvCellExplanation } from '../core/convolve';
import type { PoolWindowExplanation, PoolKind } from '../core/pool';
import type { EdgeRule } from '../core/edgeRule';
import { passesThreshold } from '../core/threshold';

/** Number formatting for the worked arithmetic: integers stay integers, others get 2 decimals. */
export function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** One-line explanation of a convolution cell (for the live region and tooltips). */
export function describeConvCell(filter: number, ex: ConvCellExplanation, rule: EdgeRule): string {
  const sym = rule.comparator === '>=' ? '≥' : '>';
  const fires = passesThreshold(ex.sum, rule.threshold, rule.comparator);
  const products = ex.terms.map((t) => `${formatNumber(t.value)}×${formatNumber(t.weight)}`).join(' + ');
  return `Filter ${filter + 1}, row ${ex.outRow + 1}, column ${ex.outCol + 1}: ${products} = ${formatNumber(ex.sum)}; ${formatNumber(ex.sum)} ${fires ? '' : 'not '}${sym} ${rule.threshold}, so the output is ${fires ? 1 : 0}.`;
}

/** One-line explanation of a pooled cell. */
export function describePoolCell(filter: number, ex: PoolWindowExplanation, kind: PoolKind): string {
  const values = ex.cells.map((c) => formatNumber(c.value)).join(', ');
  return `Filter ${filter + 1} pooled, row ${ex.outRow + 1}, column ${ex.outCol + 1}: ${kind} of ${values} = ${formatNumber(ex.result)}.`;
}

export type Inspection =
  | { kind: 'conv'; filter: number; explanation: ConvCellExplanation }
  | { kind: 'pool'; filter: number; explanation: PoolWindowExplanation; pool: PoolKind };

/** The worked arithmetic of the inspected cell: the nine products, the sum and the rule. */
export function CellInspector({ inspection, rule }: { inspection: Inspection | null; rule: EdgeRule }) {
  if (!inspection) {
    return (
      <div className="inspector" data-testid="inspector">
        <p className="muted">Point at any cell of a map (or focus a map and use the arrow keys) to see how its value is computed.</p>
      </div>
    );
  }
  if (inspection.kind === 'pool') {
    const ex = inspection.explanation;
    const side = Math.round(Math.sqrt(ex.cells.length));
    return (
      <div className="inspector" data-testid="inspector" data-kind="pool">
        <h4>
          Filter {inspection.filter + 1}, pooled cell ({ex.outRow + 1}, {ex.outCol + 1})
        </h4>
        <div className="arith-grid" style={{ gridTemplateColumns: `repeat(${side}, auto)` }}>
          {ex.cells.map((c, i) => (
            <span key={i} className={i === ex.chosenIndex ? 'arith-cell arith-cell--chosen' : c.inside ? 'arith-cell' : 'arith-cell arith-cell--pad'}>
              {formatNumber(c.value)}
            </span>
          ))}
        </div>
        <p>
          {inspection.pool} of the window = <strong>{formatNumber(ex.result)}</strong>
          {ex.chosenIndex !== null ? ' (the highlighted cell was chosen)' : ' (the mean of all four)'}
          {ex.cells.some((c) => !c.inside) ? '; dashed cells are zero padding.' : '.'}
        </p>
      </div>
    );
  }
  const ex = inspection.explanation;
  const side = Math.round(Math.sqrt(ex.terms.length));
  const fires = passesThreshold(ex.sum, rule.threshold, rule.comparator);
  const sym = rule.comparator === '>=' ? '≥' : '>';
  return (
    <div className="inspector" data-testid="inspector" data-kind="conv" data-sum={ex.sum}>
      <h4>
        Filter {inspection.filter + 1}, output cell ({ex.outRow + 1}, {ex.outCol + 1})
      </h4>
      <div className="arith-grid" style={{ gridTemplateColumns: `repeat(${side}, auto)` }}>
        {ex.terms.map((t, i) => (
          <span key={i} className={t.inside ? 'arith-cell' : 'arith-cell arith-cell--pad'} title={t.inside ? `input (${t.inputRow + 1}, ${t.inputCol + 1})` : 'zero padding'}>
            {formatNumber(t.value)}×{formatNumber(t.weight)} = <strong>{formatNumber(t.product)}</strong>
          </span>
        ))}
      </div>
      <p>
        sum = <strong>{formatNumber(ex.sum)}</strong>; {formatNumber(ex.sum)} {fires ? '' : 'is not '}
        {sym} {rule.threshold} → output <strong className={fires ? 'fires' : ''}>{fires ? '1 (fires)' : '0'}</strong>
      </p>
    </div>
  );
}
