import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { RichText } from '../common/RichText';
import { convOutputSize, type ConvOptions } from '../../core/convolve';
import { poolOutputSize, type PoolKind, type PoolOptions, type PoolPadding } from '../../core/pool';
import { MNIST_SIDE } from '../../core/grid';
import { PanelInfo } from '../info/PanelInfo';

export interface ConvPoolControlsProps {
  readonly conv: ConvOptions;
  readonly pool: PoolOptions;
  readonly kernelSide: number;
  readonly onConv: (conv: Partial<ConvOptions>) => void;
  readonly onPool: (pool: Partial<PoolOptions>) => void;
}

/** Stride, zero padding and pooling, with the output size worked out by the formula. */
export const ConvPoolControls = memo(function ConvPoolControls({ conv, pool, kernelSide, onConv, onPool }: ConvPoolControlsProps) {
  const { t } = useTranslation('edgeLab');
  const n = MNIST_SIDE;
  const out = convOutputSize(n, kernelSide, conv.stride, conv.padding);
  const pooled = poolOutputSize(out, pool);
  const paddingName = conv.padding === 0 ? t('conv.validName') : conv.padding === (kernelSide - 1) / 2 && conv.stride === 1 ? t('conv.sameName') : '';
  return (
    <fieldset className="controls" data-testid="conv-pool-controls">
      <legend className="titled">
        {t('conv.legend')} <PanelInfo what="convPool" />
      </legend>
      <div className="controls__row">
        <label>
          {t('conv.stride')}{' '}
          <select value={conv.stride} data-testid="stride" onChange={(e) => onConv({ stride: Number(e.target.value) })}>
            {[1, 2, 3].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('conv.padding')}{' '}
          <select value={conv.padding} data-testid="padding" onChange={(e) => onConv({ padding: Number(e.target.value) })}>
            {[0, 1, 2, 3].map((p) => (
              <option key={p} value={p}>
                {p === 0 ? t('conv.paddingValid', { p }) : p === 1 ? t('conv.paddingSame', { p }) : p}
              </option>
            ))}
          </select>
        </label>
        <output className="formula" data-testid="conv-size" data-size={out}>
          <RichText
            t={t}
            i18nKey="conv.outputSide"
            values={{ n, p: conv.padding, k: kernelSide, s: conv.stride, out, name: paddingName }}
            components={{ out: <strong /> }}
          />
        </output>
      </div>
      <div className="controls__row">
        <label>
          {t('conv.pooling')}{' '}
          <select value={pool.kind} data-testid="pool-kind" onChange={(e) => onPool({ kind: e.target.value as PoolKind })}>
            <option value="max">{t('poolKind.max')}</option>
            <option value="average">{t('poolKind.average')}</option>
            <option value="min">{t('poolKind.min')}</option>
          </select>
        </label>
        <label>
          {t('conv.edge')}{' '}
          <select value={pool.padding} data-testid="pool-padding" onChange={(e) => onPool({ padding: e.target.value as PoolPadding })}>
            <option value="valid">{t('conv.edgeValid')}</option>
            <option value="same">{t('conv.edgeSame')}</option>
          </select>
        </label>
        <output className="formula" data-testid="pool-size" data-size={pooled}>
          <RichText t={t} i18nKey="conv.poolSize" values={{ size: pool.size, stride: pool.stride, out, pooled }} components={{ out: <strong /> }} />
        </output>
      </div>
    </fieldset>
  );
});
