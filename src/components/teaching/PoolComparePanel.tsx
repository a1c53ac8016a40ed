import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { argmax } from '../../core/argmax';
import { extractChannel, finiteRange } from '../../core/channels';
import { pool2d, poolWindowAt, type PoolKind, type PoolOptions } from '../../core/pool';
import { poolChoices } from '../../core/poolChoices';
import type { Grid } from '../../core/grid';
import type { LayerOutput } from '../../model/activations';
import { COLOUR_SCALES, VIEW } from '../../render/palette';
import type { Domain } from '../../render/paintGrid';
import { FeatureMap, type Cell } from '../common/FeatureMap';
import { FeatureMapThumb } from '../common/FeatureMapThumb';
import { formatWorked } from './formatWorked';
import { PanelHeader } from '../info/PanelHeader';
import { PoolWindowOverlay } from './PoolWindowOverlay';
import '../../styles/teach.css';
import { ChannelSelect } from '../common/ChannelSelect';

const KINDS: readonly { kind: PoolKind; key: 'max' | 'avg' | 'min' }[] = [
  { kind: 'max', key: 'max' },
  { kind: 'average', key: 'avg' },
  { kind: 'min', key: 'min' },
];
const WINDOW = 2;
const MAP_SIDE = 220;

/**
 * The feature map the network's first pooling layer reads (the layer just before it), or,
 * in a network without pooling, its first activation map.
 */
function firstPoolInput(layers: LayerOutput[] | null): { layer: LayerOutput; feedsPool: boolean } | null {
  if (!layers) return null;
  const at = layers.findIndex((l) => l.kind === 'pool');
  const layer = at > 0 ? layers[at - 1] : layers.find((l) => l.shape.length === 3 && l.kind !== 'conv');
  return layer && layer.shape.length === 3 ? { layer, feedsPool: at > 0 } : null;
}

/** The window whose largest and smallest values are furthest apart: a telling one to start with. */
function widestWindow(grid: Grid, opts: PoolOptions): Cell {
  const max = pool2d(grid, { ...opts, kind: 'max' });
  const min = pool2d(grid, { ...opts, kind: 'min' });
  const best = Math.max(0, argmax(Array.from(max.data, (v, i) => v - min.data[i])));
  return { row: Math.floor(best / max.width), col: best % max.width };
}

/** One feature map pooled three ways (max, average, min), side by side, window by window. */
export function PoolComparePanel({ layers }: { layers: LayerOutput[] | null }) {
  const { t } = useTranslation('teach');
  const [channel, setChannel] = useState(0);
  const [pointed, setPointed] = useState<Cell | null>(null);
  const found = firstPoolInput(layers);
  const source = found?.layer ?? null;
  const channels = source ? source.shape[2] : 0;
  const ch = Math.min(channel, Math.max(0, channels - 1));

  const view = useMemo(() => {
    if (!source) return null;
    const [h, w, c] = source.shape;
    const grid = extractChannel(source.data, h, w, c, ch);
    const [lo, hi] = finiteRange(grid.data);
    const domain: Domain = [Math.min(lo, 0), Math.max(hi, 1e-6)];
    const base: PoolOptions = { kind: 'max', size: WINDOW, stride: WINDOW, padding: 'valid' };
    const pooled = KINDS.map(({ kind }) => {
      const opts = { ...base, kind };
      return { opts, grid: pool2d(grid, opts), chosen: kind === 'average' ? null : poolChoices(grid, opts) };
    });
    // Where all four cells are equal (often all zero) no cell was really chosen: mark none.
    const [max, , min] = pooled;
    for (const p of [max, min]) p.chosen = p.chosen!.map((index, i) => (max.grid.data[i] === min.grid.data[i] ? -1 : index));
    return { grid, domain, pooled, start: widestWindow(grid, base) };
  }, [source, ch]);

  const header = (
    <PanelHeader titleId="pool-compare-title" title={t('pool.title')} panel="pool-compare" paragraphs={[t('pool.info1'), t('pool.info2'), t('pool.info3')]} />
  );
  if (!view || !source) {
    return (
      <section className="panel teach-panel" aria-labelledby="pool-compare-title" data-testid="pool-compare">
        {header}
        <p className="muted">{layers ? t('pool.noMap') : t('common.loading')}</p>
      </section>
    );
  }
  const { grid, domain, pooled } = view;
  const outH = pooled[0].grid.height;
  const outW = pooled[0].grid.width;
  const active = pointed && pointed.row < outH && pointed.col < outW ? pointed : view.start;

  return (
    <section className="panel teach-panel" aria-labelledby="pool-compare-title" data-testid="pool-compare">
      {header}
      <p className="muted">{t(found?.feedsPool ? 'pool.intro' : 'pool.introNoPool', { layer: source.name, side: grid.height, out: outH })}</p>
      <ChannelSelect label={t('pool.channel')} channels={channels} value={ch} onChange={setChannel} testId="pool-compare-channel" />
      <div className="pool-compare">
        {KINDS.map(({ key }, k) => {
          const p = pooled[k];
          const ex = poolWindowAt(grid, p.opts, active.row, active.col);
          const name = t(`pool.${key}`);
          return (
            <div
              key={key}
              className="pool-compare__column"
              data-testid={`pool-compare-${key}`}
              data-window={`${active.row},${active.col}`}
              data-value={ex.result}
              data-values={ex.cells.map((c) => c.value).join(',')}
            >
              <h3>{name}</h3>
              <div className="pool-compare__input" style={{ width: MAP_SIDE, height: MAP_SIDE }}>
                <FeatureMapThumb
                  grid={grid}
                  scale={COLOUR_SCALES.sequential}
                  domain={domain}
                  side={MAP_SIDE}
                  label={t('pool.inputLabel', { layer: source.name, channel: ch + 1 })}
                />
                <PoolWindowOverlay height={grid.height} width={grid.width} size={WINDOW} chosen={p.chosen} active={active} />
              </div>
              <p className="pool-compare__arrow" aria-hidden="true">
                ↓ {name} 2 × 2
              </p>
              <FeatureMap
                grid={p.grid}
                scale={COLOUR_SCALES.sequential}
                domain={domain}
                side={MAP_SIDE}
                label={t('pool.pooledLabel', { kind: name, side: outH })}
                boxes={[{ top: active.row, left: active.col, height: 1, width: 1, colour: VIEW.highlight }]}
                activeCell={pointed}
                onCellChange={(cell) => cell && setPointed(cell)}
                describeCell={(cell) => {
                  const e = poolWindowAt(grid, p.opts, cell.row, cell.col);
                  return t('pool.cellText', {
                    kind: name,
                    row: cell.row + 1,
                    col: cell.col + 1,
                    values: e.cells.map((c) => formatWorked(c.value, 2)).join(', '),
                    result: formatWorked(e.result, 2),
                  });
                }}
                testId={`pool-compare-${key}-map`}
              />
              <div className="pool-compare__worked">
                <div className="arith-grid" style={{ gridTemplateColumns: `repeat(${WINDOW}, auto)` }}>
                  {ex.cells.map((c, i) => (
                    <span key={i} className={i === ex.chosenIndex ? 'arith-cell arith-cell--chosen' : 'arith-cell'}>
                      {formatWorked(c.value, 2)}
                    </span>
                  ))}
                </div>
                <p>
                  {name} = <strong>{formatWorked(ex.result, 2)}</strong>
                </p>
              </div>
            </div>
          );
        })}
      </div>
      <p className="muted pool-compare__legend">{t('pool.legend', { row: active.row + 1, col: active.col + 1 })}</p>
    </section>
  );
}
