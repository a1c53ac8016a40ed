import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { extractChannel, finiteRange } from '../../core/channels';
import { createGrid, type Grid } from '../../core/grid';
import type { AxisRegion, LayerRegion } from '../../core/receptiveField';
import type { LayerOutput } from '../../model/activations';
import { spatialLayers, traceLayerCell } from '../../model/spatialOps';
import { INPUT_SIDE, type ModelSpec } from '../../model/spec';
import { COLOUR_SCALES, VIEW } from '../../render/palette';
import { FeatureMap, type Cell } from '../common/FeatureMap';
import { FeatureMapThumb } from '../common/FeatureMapThumb';
import { PanelHeader } from '../info/PanelHeader';
import '../../styles/teach.css';
import { ChannelSelect } from '../common/ChannelSelect';

export interface ReceptiveFieldExplorerProps {
  readonly layers: LayerOutput[];
  readonly spec: ModelSpec;
  /** The input image as the network sees it (28x28, 0..1). */
  readonly image: Grid | null;
}

/** "5–14" (1-based, inclusive) for an axis region. */
function span(axis: AxisRegion): string {
  return `${axis.first + 1}–${axis.last + 1}`;
}

function pictureOf(layer: LayerOutput, channel: number): Grid {
  const [h, w, c] = layer.shape;
  return extractChannel(layer.data, h, w, c, Math.min(channel, c - 1));
}

/** A small map with the traced region outlined. */
function TracedMap({ grid, region, caption, grey }: { grid: Grid; region: LayerRegion; caption: string; grey?: boolean }) {
  const [lo, hi] = finiteRange(grid.data);
  const pct = (v: number, n: number) => `${(100 * v) / n}%`;
  return (
    <figure className="rf-path__map">
      <div className="rf-path__surface">
        <FeatureMapThumb
          grid={grid}
          scale={grey ? COLOUR_SCALES.grey : COLOUR_SCALES.sequential}
          domain={grey ? [0, 1] : [Math.min(lo, 0), Math.max(hi, 1e-6)]}
          side={112}
          label={caption}
        />
        <div
          className="rf-box"
          style={{
            top: pct(region.rows.first, grid.height),
            left: pct(region.cols.first, grid.width),
            height: pct(region.rows.last - region.rows.first + 1, grid.height),
            width: pct(region.cols.last - region.cols.first + 1, grid.width),
            borderColor: VIEW.highlight,
          }}
        />
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/** Pick any cell of any feature map and see every cell it depends on, back to the input pixels. */
export function ReceptiveFieldExplorer({ layers, spec, image }: ReceptiveFieldExplorerProps) {
  const { t } = useTranslation('teach');
  const chain = useMemo(() => spatialLayers(spec), [spec]);
  const byName = useMemo(() => new Map(layers.map((l) => [l.name, l])), [layers]);
  const consistent = chain.every((c) => byName.get(c.name)?.shape[0] === c.side);
  const [chosenName, setChosenName] = useState<string | null>(null);
  const [channel, setChannel] = useState(0);
  const [cell, setCell] = useState<Cell | null>(null);

  if (!consistent || chain.length === 0) return <p className="muted">{t('rf.waiting')}</p>;
  const name =
    chosenName && chain.some((c) => c.name === chosenName) ? chosenName : (chain.find((c) => c.name.startsWith('pool2')) ?? chain[chain.length - 1]).name;
  const depth = chain.findIndex((c) => c.name === name) + 1;
  const layer = byName.get(name)!;
  const side = chain[depth - 1].side;
  const channels = layer.shape[2];
  const ch = Math.min(channel, channels - 1);
  const at = cell && cell.row < side && cell.col < side ? cell : { row: Math.floor(side / 2), col: Math.floor(side / 2) };
  // The cell is inside the map (clamped above), so the trace is never null.
  const { regions } = traceLayerCell(chain, name, at.row, at.col)!;
  const input = regions[0];
  const pixels = input.rows.indices.length * input.cols.indices.length;
  const reachesPadding = regions.slice(0, -1).some((r) => r.rows.padBefore + r.rows.padAfter + r.cols.padBefore + r.cols.padAfter > 0);
  const gaps = !(input.rows.contiguous && input.cols.contiguous);
  const inputGrid = image ?? createGrid(INPUT_SIDE, INPUT_SIDE);

  return (
    <section className="rf" aria-labelledby="rf-title" data-testid="rf-explorer">
      <PanelHeader titleId="rf-title" title={t('rf.title')} panel="receptive-field" paragraphs={[t('rf.info1'), t('rf.info2'), t('rf.info3')]} level={3} />
      <p className="muted">{t('rf.intro')}</p>
      <div className="rf__body">
        <div className="rf__pick">
          <div className="rf__controls">
            <label className="teach-field">
              {t('rf.layer')}{' '}
              <select data-testid="rf-layer" value={name} onChange={(e) => setChosenName(e.target.value)}>
                {chain.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name} ({c.side} × {c.side})
                  </option>
                ))}
              </select>
            </label>
            <ChannelSelect label={t('rf.channel')} channels={channels} value={ch} onChange={setChannel} testId="rf-channel" />
          </div>
          <FeatureMap
            grid={pictureOf(layer, ch)}
            scale={COLOUR_SCALES.sequential}
            domain={(() => {
              const [lo, hi] = finiteRange(layer.data);
              return [Math.min(lo, 0), Math.max(hi, 1e-6)] as const;
            })()}
            side={200}
            label={t('rf.mapLabel', { layer: name, channel: ch + 1, side })}
            boxes={[{ top: at.row, left: at.col, height: 1, width: 1, colour: VIEW.chosen }]}
            activeCell={cell}
            onCellChange={(c) => c && setCell(c)}
            describeCell={(c) => {
              const [r] = traceLayerCell(chain, name, c.row, c.col)!.regions;
              return t('rf.cellText', { layer: name, row: c.row + 1, col: c.col + 1, rows: span(r.rows), cols: span(r.cols) });
            }}
            testId="rf-map"
          />
          <p className="muted rf__hint">{t('rf.hint')}</p>
        </div>
        <div className="rf__result">
          <p
            className="rf__region"
            data-testid="receptive-field"
            data-layer={name}
            data-cell={`${at.row + 1},${at.col + 1}`}
            data-rows={span(input.rows)}
            data-cols={span(input.cols)}
          >
            {t('rf.region', {
              layer: name,
              row: at.row + 1,
              col: at.col + 1,
              rows: span(input.rows),
              cols: span(input.cols),
              height: input.rows.last - input.rows.first + 1,
              width: input.cols.last - input.cols.first + 1,
              pixels,
            })}
          </p>
          {reachesPadding && <p className="muted">{t('rf.padding')}</p>}
          {gaps && <p className="muted">{t('rf.gaps')}</p>}
          <div className="rf-path" data-testid="rf-path">
            <TracedMap grid={inputGrid} region={input} caption={t('rf.pathInput', { rows: span(input.rows), cols: span(input.cols) })} grey />
            {chain.slice(0, depth - 1).map((c, i) => (
              <TracedMap
                key={c.name}
                grid={pictureOf(byName.get(c.name)!, ch)}
                region={regions[i + 1]}
                caption={t('rf.pathLayer', { layer: c.name, rows: span(regions[i + 1].rows), cols: span(regions[i + 1].cols) })}
              />
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
