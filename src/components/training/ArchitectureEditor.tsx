import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConvBlockSpec, DenseSpec, ModelSpec, SpecProblem } from '../../model/spec';
import { INPUT_SIDE, layerShapes, parameterCount, validateSpec } from '../../model/spec';
import { PanelInfo } from '../info/PanelInfo';

export interface ArchitectureEditorProps {
  readonly spec: ModelSpec;
  readonly disabled: boolean;
  readonly onChange: (spec: ModelSpec) => void;
}

const NEW_BLOCK: ConvBlockSpec = { filters: 16, kernelSize: 3, stride: 1, padding: 'same', activation: 'relu', pool: 'max', poolSize: 2 };
const NEW_DENSE: DenseSpec = { units: 64, activation: 'relu', dropout: 0 };

/** The options, plus the current value when it is not one of them (e.g. a loaded model's). */
function withValue<T extends string | number>(options: readonly T[], value: T): readonly T[] {
  if (options.includes(value)) return options;
  const all = [...options, value];
  return typeof value === 'number' ? all.sort((a, b) => Number(a) - Number(b)) : all;
}

function Select<T extends string | number>(props: {
  label: string;
  value: T;
  options: readonly T[];
  disabled: boolean;
  onChange: (v: T) => void;
  testId?: string;
  render?: (v: T) => string;
}) {
  return (
    <label className="arch-field">
      <span>{props.label}</span>
      <select
        value={String(props.value)}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => props.onChange(props.options.find((o) => String(o) === e.target.value) as T)}
      >
        {withValue(props.options, props.value).map((o) => (
          <option key={String(o)} value={String(o)}>
            {props.render ? props.render(o) : String(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A spec problem in the current language, naming the block or dense layer at fault. */
export function specProblemText(t: TFunction<'training'>, problem: SpecProblem): string {
  const { layer, index, field, ...rest } = problem.params;
  const part = layer === 'block' ? t('arch.block', { n: index }) : layer === 'dense' ? t('arch.denseLayer', { n: index }) : '';
  const what = field === undefined ? '' : t(`arch.field.${field}`);
  return t(`specProblem.${problem.code}`, { ...rest, part, what });
}

/** Edit the network: 1-4 conv blocks and 0-3 dense layers, with the resulting shapes. */
export function ArchitectureEditor({ spec, disabled, onChange }: ArchitectureEditorProps) {
  const { t, i18n } = useTranslation('training');
  const check = validateSpec(spec);
  const activation = (v: string) => t(`arch.activation.${v}`);
  const setBlock = (i: number, patch: Partial<ConvBlockSpec>) =>
    onChange({ ...spec, convBlocks: spec.convBlocks.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const setDense = (i: number, patch: Partial<DenseSpec>) => onChange({ ...spec, dense: spec.dense.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  const shapes = check.ok ? layerShapes(spec) : [];
  const shapeOf = (name: string) => shapes.find((l) => l.name === name)?.shape.join('×') ?? '';
  return (
    <fieldset className="controls architecture" disabled={disabled}>
      <legend className="titled">
        {t('arch.legend')} <PanelInfo what="architecture" />
      </legend>
      {spec.convBlocks.map((b, i) => (
        <div className="arch-row" key={i} data-testid={`arch-block-${i}`}>
          <span className="arch-label">
            <strong>{t('arch.block', { n: i + 1 })}</strong>
            <span className="arch-shape">{check.ok ? `→ ${shapeOf(b.pool === 'none' ? `conv${i + 1}` : `pool${i + 1}`)}` : ''}</span>
          </span>
          <Select
            label={t('arch.field.filters')}
            value={b.filters}
            options={[4, 8, 16, 32, 64]}
            disabled={disabled}
            onChange={(v) => setBlock(i, { filters: v })}
            testId={`arch-filters-${i}`}
          />
          <Select
            label={t('arch.field.kernel')}
            value={b.kernelSize}
            options={[3, 5, 7]}
            disabled={disabled}
            onChange={(v) => setBlock(i, { kernelSize: v })}
            render={(v) => `${v}×${v}`}
          />
          <Select label={t('arch.field.stride')} value={b.stride} options={[1, 2, 3]} disabled={disabled} onChange={(v) => setBlock(i, { stride: v })} />
          <Select
            label={t('arch.field.padding')}
            value={b.padding}
            options={['valid', 'same'] as const}
            disabled={disabled}
            onChange={(v) => setBlock(i, { padding: v })}
            render={(v) => t(`arch.padding.${v}`)}
          />
          <Select
            label={t('arch.field.activation')}
            value={b.activation}
            options={['relu', 'sigmoid', 'tanh'] as const}
            disabled={disabled}
            onChange={(v) => setBlock(i, { activation: v })}
            testId={`arch-activation-${i}`}
            render={activation}
          />
          <Select
            label={t('arch.field.pooling')}
            value={b.pool}
            options={['max', 'average', 'min', 'none'] as const}
            disabled={disabled}
            onChange={(v) => setBlock(i, { pool: v })}
            testId={`arch-pool-${i}`}
            render={(v) => t(`arch.pool.${v}`)}
          />
          {spec.convBlocks.length > 1 && (
            <button
              type="button"
              className="arch-remove"
              aria-label={t('arch.removeBlock', { n: i + 1 })}
              onClick={() => onChange({ ...spec, convBlocks: spec.convBlocks.filter((_, j) => j !== i) })}
            >
              ✕
            </button>
          )}
        </div>
      ))}
      {spec.dense.map((d, i) => (
        <div className="arch-row" key={`d${i}`} data-testid={`arch-dense-${i}`}>
          <span className="arch-label">
            <strong>{t('arch.dense', { n: i + 1 })}</strong>
            <span className="arch-shape">→ {d.units}</span>
          </span>
          <Select
            label={t('arch.field.units')}
            value={d.units}
            options={[16, 32, 64, 128, 256]}
            disabled={disabled}
            onChange={(v) => setDense(i, { units: v })}
          />
          <Select
            label={t('arch.field.activation')}
            value={d.activation}
            options={['relu', 'sigmoid', 'tanh'] as const}
            disabled={disabled}
            onChange={(v) => setDense(i, { activation: v })}
            render={activation}
          />
          <Select
            label={t('arch.field.dropout')}
            value={d.dropout}
            options={[0, 0.25, 0.5, 0.75]}
            disabled={disabled}
            onChange={(v) => setDense(i, { dropout: v })}
            testId={`arch-dropout-${i}`}
          />
          <button
            type="button"
            className="arch-remove"
            aria-label={t('arch.removeDense', { n: i + 1 })}
            onClick={() => onChange({ ...spec, dense: spec.dense.filter((_, j) => j !== i) })}
          >
            ✕
          </button>
        </div>
      ))}
      <div className="arch-row">
        <button
          type="button"
          data-testid="arch-add-block"
          disabled={spec.convBlocks.length >= 4}
          onClick={() => onChange({ ...spec, convBlocks: [...spec.convBlocks, NEW_BLOCK] })}
        >
          {t('arch.addBlock')}
        </button>
        <button type="button" disabled={spec.dense.length >= 3} onClick={() => onChange({ ...spec, dense: [...spec.dense, NEW_DENSE] })}>
          {t('arch.addDense')}
        </button>
        <span className="muted">{t('arch.softmax')}</span>
      </div>
      {check.ok ? (
        <p className="muted arch-summary" data-testid="arch-summary">
          {t('arch.weights', { count: parameterCount(spec), n: parameterCount(spec).toLocaleString(i18n.language) })} · {INPUT_SIDE}×{INPUT_SIDE}×1 →{' '}
          {shapes
            .filter((l) => l.kind === 'pool' || (l.kind === 'conv' && !shapes.some((p) => p.kind === 'pool' && p.index === l.index)))
            .map((l) => l.shape.join('×'))
            .join(' → ')}{' '}
          → 10
        </p>
      ) : (
        <p className="error" role="alert" data-testid="arch-error">
          {specProblemText(t, check.problem)}
        </p>
      )}
    </fieldset>
  );
}
