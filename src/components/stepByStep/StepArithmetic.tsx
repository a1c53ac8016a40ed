import { useTranslation } from 'react-i18next';
import type { ConvStep } from '../../core/convSteps';

/** A number as a student reads it: whole numbers as they are, others with up to 3 decimals. */
export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const r = Number(v.toFixed(Math.abs(v) >= 100 ? 1 : 3));
  return Object.is(r, -0) ? '0' : String(r);
}

export interface StepArithmeticProps {
  readonly step: ConvStep;
  readonly kernelWidth: number;
  /** Show "+ bias" (the CNN's layers have one; the hand-made filters do not). */
  readonly withBias: boolean;
}

/** The multiplication at one kernel position: value × weight = product per cell, the sum, the bias. */
export function StepArithmetic({ step, kernelWidth, withBias }: StepArithmeticProps) {
  const { t } = useTranslation('lessons');
  return (
    <div className="step-arith">
      <div className="step-arith__grid" style={{ gridTemplateColumns: `repeat(${kernelWidth}, auto)` }} role="group" aria-label={t('stepper.productsLabel')}>
        {step.terms.map((term, i) => (
          <span
            key={i}
            className={`step-arith__cell${term.inside ? '' : ' step-arith__cell--pad'}${term.weight > 0 ? ' weight--pos' : term.weight < 0 ? ' weight--neg' : ''}`}
            data-testid="stepper-term"
            data-input={term.value}
            data-weight={term.weight}
            data-product={term.product}
            title={term.inside ? t('stepper.termTitle', { row: term.inputRow + 1, col: term.inputCol + 1 }) : t('stepper.padTitle')}
          >
            {formatNumber(term.value)} × {formatNumber(term.weight)}
            <br />= <strong>{formatNumber(term.product)}</strong>
          </span>
        ))}
      </div>
      <p className="step-arith__sum" data-testid="stepper-sum" data-value={step.output} data-sum={step.sum}>
        {t('stepper.sumOf', { count: step.terms.length })} = <strong>{formatNumber(step.sum)}</strong>
        {withBias && (
          <>
            {' '}
            {t('stepper.plusBias')} {formatNumber(step.output - step.sum)} = <strong>{formatNumber(step.output)}</strong>
          </>
        )}
      </p>
    </div>
  );
}
