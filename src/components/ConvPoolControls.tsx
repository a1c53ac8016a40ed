import { convOutputSize, type ConvOptions } from '../core/convolve';
import { poolOutputSize, type PoolKind, type PoolOptions, type PoolPadding } from '../core/pool';
import { MNIST_SIDE } from '../core/grid';

export interface ConvPoolControlsProps {
  readonly conv: ConvOptions;
  readonly pool: PoolOptions;
  readonly kernelSide: number;
  readonly onConv: (conv: Partial<ConvOptions>) => void;
  readonly onPool: (pool: Partial<PoolOptions>) => void;
}

/** Stride, zero padding and pooling, with the output size worked out by the formula. */
export function ConvPoolControls({ conv, pool, kernelSide, onConv, onPool }: ConvPoolControlsProps) {
  const n = MNIST_SIDE;
  const out = convOutputSize(n, kernelSide, conv.stride, conv.padding);
  const pooled = poolOutputSize(out, pool);
  const paddingName = conv.padding === 0 ? ' ("valid")' : conv.padding === (kernelSide - 1) / 2 && conv.stride === 1 ? ' ("same")' : '';
  return (
    <fieldset className="controls">
      <legend>Convolution and pooling</legend>
      <div className="controls__row">
        <label>
          Stride{' '}
          <select value={conv.stride} data-testid="stride" onChange={(e) => onConv({ stride: Number(e.target.value) })}>
            {[1, 2, 3].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Zero padding{' '}
          <select value={conv.padding} data-testid="padding" onChange={(e) => onConv({ padding: Number(e.target.value) })}>
            {[0, 1, 2, 3].map((p) => (
              <option key={p} value={p}>
                {p}
                {p === 0 ? ' (valid)' : p === 1 ? ' (same at stride 1)' : ''}
              </option>
            ))}
          </select>
        </label>
        <output className="formula" data-testid="conv-size" data-size={out}>
          output side = ⌊({n} + 2·{conv.padding} − {kernelSide}) / {conv.stride}⌋ + 1 = <strong>{out}</strong>
          {paddingName} → {out} × {out}
        </output>
      </div>
      <div className="controls__row">
        <label>
          Pooling{' '}
          <select value={pool.kind} data-testid="pool-kind" onChange={(e) => onPool({ kind: e.target.value as PoolKind })}>
            <option value="max">max</option>
            <option value="average">average</option>
            <option value="min">min</option>
          </select>
        </label>
        <label>
          Edge{' '}
          <select value={pool.padding} data-testid="pool-padding" onChange={(e) => onPool({ padding: e.target.value as PoolPadding })}>
            <option value="valid">drop the odd row / column</option>
            <option value="same">zero-pad to a full window</option>
          </select>
        </label>
        <output className="formula" data-testid="pool-size" data-size={pooled}>
          {pool.size}×{pool.size} windows, stride {pool.stride}: {out} × {out} → <strong>{pooled} × {pooled}</strong>
        </output>
      </div>
    </fieldset>
  );
}
