import type { ConvBlockSpec, DenseSpec, ModelSpec } from '../model/spec';
import { layerShapes, parameterCount, validateSpec } from '../model/spec';

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

function Select<T extends string | number>(props: { label: string; value: T; options: readonly T[]; disabled: boolean; onChange: (v: T) => void; testId?: string; render?: (v: T) => string }) {
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

/** Edit the network: 1-4 conv blocks and 0-3 dense layers, with the resulting shapes. */
export function ArchitectureEditor({ spec, disabled, onChange }: ArchitectureEditorProps) {
  const check = validateSpec(spec);
  const setBlock = (i: number, patch: Partial<ConvBlockSpec>) => onChange({ ...spec, convBlocks: spec.convBlocks.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const setDense = (i: number, patch: Partial<DenseSpec>) => onChange({ ...spec, dense: spec.dense.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  const shapes = check.ok ? layerShapes(spec) : [];
  const shapeOf = (name: string) => shapes.find((l) => l.name === name)?.shape.join('×') ?? '';
  return (
    <fieldset className="controls architecture" disabled={disabled}>
      <legend>Architecture</legend>
      {spec.convBlocks.map((b, i) => (
        <div className="arch-row" key={i} data-testid={`arch-block-${i}`}>
          <span className="arch-label">
            <strong>Block {i + 1}</strong>
            <span className="arch-shape">{check.ok ? `→ ${shapeOf(b.pool === 'none' ? `conv${i + 1}` : `pool${i + 1}`)}` : ''}</span>
          </span>
          <Select label="filters" value={b.filters} options={[4, 8, 16, 32, 64]} disabled={disabled} onChange={(v) => setBlock(i, { filters: v })} testId={`arch-filters-${i}`} />
          <Select label="kernel" value={b.kernelSize} options={[3, 5, 7]} disabled={disabled} onChange={(v) => setBlock(i, { kernelSize: v })} render={(v) => `${v}×${v}`} />
          <Select label="stride" value={b.stride} options={[1, 2, 3]} disabled={disabled} onChange={(v) => setBlock(i, { stride: v })} />
          <Select label="padding" value={b.padding} options={['valid', 'same'] as const} disabled={disabled} onChange={(v) => setBlock(i, { padding: v })} />
          <Select label="activation" value={b.activation} options={['relu', 'sigmoid', 'tanh'] as const} disabled={disabled} onChange={(v) => setBlock(i, { activation: v })} testId={`arch-activation-${i}`} />
          <Select label="pooling" value={b.pool} options={['max', 'average', 'min', 'none'] as const} disabled={disabled} onChange={(v) => setBlock(i, { pool: v })} testId={`arch-pool-${i}`} />
          {spec.convBlocks.length > 1 && (
            <button type="button" className="arch-remove" aria-label={`Remove block ${i + 1}`} onClick={() => onChange({ ...spec, convBlocks: spec.convBlocks.filter((_, j) => j !== i) })}>
              ✕
            </button>
          )}
        </div>
      ))}
      {spec.dense.map((d, i) => (
        <div className="arch-row" key={`d${i}`} data-testid={`arch-dense-${i}`}>
          <span className="arch-label">
            <strong>Dense {i + 1}</strong>
            <span className="arch-shape">→ {d.units}</span>
          </span>
          <Select label="units" value={d.units} options={[16, 32, 64, 128, 256]} disabled={disabled} onChange={(v) => setDense(i, { units: v })} />
          <Select label="activation" value={d.activation} options={['relu', 'sigmoid', 'tanh'] as const} disabled={disabled} onChange={(v) => setDense(i, { activation: v })} />
          <Select label="dropout" value={d.dropout} options={[0, 0.25, 0.5, 0.75]} disabled={disabled} onChange={(v) => setDense(i, { dropout: v })} testId={`arch-dropout-${i}`} />
          <button type="button" className="arch-remove" aria-label={`Remove dense layer ${i + 1}`} onClick={() => onChange({ ...spec, dense: spec.dense.filter((_, j) => j !== i) })}>
            ✕
          </button>
        </div>
      ))}
      <div className="arch-row">
        <button type="button" data-testid="arch-add-block" disabled={spec.convBlocks.length >= 4} onClick={() => onChange({ ...spec, convBlocks: [...spec.convBlocks, NEW_BLOCK] })}>
          + conv block
        </button>
        <button type="button" disabled={spec.dense.length >= 3} onClick={() => onChange({ ...spec, dense: [...spec.dense, NEW_DENSE] })}>
          + dense layer
        </button>
        <span className="muted">then a 10-way softmax</span>
      </div>
      {check.ok ? (
        <p className="muted arch-summary" data-testid="arch-summary">
          {parameterCount(spec).toLocaleString('en')} weights · 28×28×1 → {shapes.filter((l) => l.kind === 'pool' || (l.kind === 'conv' && !shapes.some((p) => p.kind === 'pool' && p.index === l.index))).map((l) => l.shape.join('×')).join(' → ')} → 10
        </p>
      ) : (
        <p className="error" role="alert" data-testid="arch-error">
          {check.message}
        </p>
      )}
    </fieldset>
  );
}
