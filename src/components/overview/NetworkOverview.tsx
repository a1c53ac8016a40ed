import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerOutput } from '../../model/activations';
import { spatialLayers } from '../../model/spatialOps';
import type { ModelSpec } from '../../model/spec';
import { fitOverview } from '../../render/overviewLayout';
import type { InputStore } from '../../state/inputStore';
import { PanelInfo } from '../info/PanelInfo';
import type { LayerStore } from '../network/layerStore';
import { PanelSnapshotButton } from '../export/PanelSnapshotButton';
import { OverviewMapColumn } from './OverviewMapColumn';
import { OverviewInputColumn, OverviewSoftmaxColumn, OverviewVectorColumn } from './OverviewStrips';
import { INPUT_NAME, regionCells, traceOverviewCell, type OverviewCell } from './overviewTrace';
import { traceBoxes } from './traceBoxes';
import { useOverviewBox } from './useOverviewBox';
import '../../styles/overview.css';

/** A layer as the network view lists it (flatten left out). */
export interface OverviewLayer {
  readonly name: string;
  readonly kind: LayerOutput['kind'];
  /** The shape joined with "x", e.g. "26x26x16" or "128". */
  readonly shape: string;
}

export interface NetworkOverviewProps {
  readonly store: LayerStore;
  readonly input: InputStore;
  readonly layers: readonly OverviewLayer[];
  /** The architecture of the model in view, for tracing cells (no tracing without it). */
  readonly spec?: ModelSpec;
}

/** Output pixels per CSS pixel of the exported overview: sharp on a slide, each tile a crisp square. */
const EXPORT_SCALE = 2;
const NONE: readonly never[] = [];

/** "5–14" (1-based, inclusive). */
const span = (first: number, last: number) => `${first + 1}–${last + 1}`;

/** Opens a layer in detail: scrolls its row of the network view into view and focuses it. */
function openLayer(name: string): void {
  const row = document.querySelector<HTMLElement>(`[data-testid="layer-${CSS.escape(name)}"]`);
  if (!row) return;
  row.scrollIntoView({ block: 'start' });
  row.focus({ preventScroll: true });
}

/**
 * The whole network on one screen, left to right: the input, each layer's channels as small
 * tiles, the dense layers as strips, the softmax as ten labelled bars. Every picture repaints
 * from the layer store (no React render on a pen move). Pointing at a cell of a feature map,
 * or moving a cell there with the arrow keys, outlines the cells it reads in the layer before
 * and its receptive field in the input; a click or Enter opens the layer in detail.
 */
export function NetworkOverview({ store, input, layers, spec }: NetworkOverviewProps) {
  const { t } = useTranslation('overview');
  const root = useRef<HTMLDivElement>(null);
  const liveId = useId();
  const { width, height } = useOverviewBox(root, '.overview-col__tiles');
  const shapes = useMemo(() => layers.map((l) => ({ name: l.name, shape: l.shape.split('x').map(Number) })), [layers]);
  const layout = useMemo(() => (width > 0 && height > 0 ? fitOverview(shapes, width, height) : null), [shapes, width, height]);
  const chain = useMemo(() => {
    if (!spec) return [];
    const sides = new Map(shapes.map((l) => [l.name, l.shape]));
    try {
      const c = spatialLayers(spec);
      // A spec of another model than the layers shown cannot trace them.
      return c.every((l) => sides.get(l.name)?.[0] === l.side) ? c : [];
    } catch {
      return [];
    }
  }, [spec, shapes]);
  const [traced, setTraced] = useState<OverviewCell | null>(null);
  const onTrace = useCallback((cell: OverviewCell | null) => setTraced(cell), []);
  const trace = useMemo(() => (traced ? traceOverviewCell(chain, traced) : null), [chain, traced]);
  const boxes = useMemo(() => (layout ? traceBoxes(trace, layout) : new Map()), [trace, layout]);
  const channelsOf = (name: string) => (name === INPUT_NAME ? 1 : (shapes.find((l) => l.name === name)?.shape[2] ?? 1));
  const depChannels = trace ? (trace.everyChannel ? channelsOf(trace.previous) : 1) : 0;
  const anyMap = shapes.some((l) => l.shape.length === 3);

  const traceData = trace
    ? {
        'data-trace-layer': trace.cell.layer,
        'data-trace-cell': `${trace.cell.channel + 1},${trace.cell.row + 1},${trace.cell.col + 1}`,
        'data-dep-layer': trace.previous,
        'data-dep-cells': regionCells(trace.depends) * depChannels,
        'data-dep-channels': depChannels,
        'data-rf-rows': span(trace.input.rows.first, trace.input.rows.last),
        'data-rf-cols': span(trace.input.cols.first, trace.input.cols.last),
        'data-rf-cells': regionCells(trace.input),
      }
    : {};

  return (
    <section className="network-overview" aria-labelledby={`${liveId}-title`}>
      <header className="network-overview__head">
        <h3 id={`${liveId}-title`}>{t('title')}</h3>
        <PanelInfo what="overview" />
        <p className="muted network-overview__hint">{chain.length ? t('hint') : t('hintNoTrace')}</p>
        <PanelSnapshotButton
          panel={() => root.current}
          view="network"
          fileParts={['network', 'overview']}
          scale={EXPORT_SCALE}
          testId="overview-export-png"
          text={t('export')}
          label={t('exportLabel')}
        />
      </header>
      <div
        ref={root}
        className="network-overview__strip"
        data-testid="network-overview"
        data-tile={layout?.tile ?? 0}
        data-fits={layout ? String(layout.fits) : ''}
        data-hidden={layout?.hidden ?? 0}
        style={layout ? { gap: layout.columnGap } : undefined}
        {...traceData}
      >
        <OverviewInputColumn input={input} side={layout?.inputSide ?? 112} boxes={boxes.get(INPUT_NAME) ?? NONE} />
        {layout?.columns.map((c) =>
          c.kind === 'map' ? (
            <OverviewMapColumn
              key={c.name}
              store={store}
              column={c}
              boxes={boxes.get(c.name) ?? NONE}
              onTrace={onTrace}
              onOpen={openLayer}
              describedBy={liveId}
            />
          ) : c.kind === 'vector' ? (
            <OverviewVectorColumn key={c.name} store={store} column={c} onOpen={openLayer} />
          ) : (
            <OverviewSoftmaxColumn key={c.name} store={store} column={c} onOpen={openLayer} />
          ),
        )}
      </div>
      <div id={liveId} className="network-overview__trace muted" aria-live="polite" data-testid="overview-trace">
        {trace
          ? t('trace', {
              layer: trace.cell.layer,
              channel: trace.cell.channel + 1,
              row: trace.cell.row + 1,
              col: trace.cell.col + 1,
              cells: regionCells(trace.depends) * depChannels,
              previous: trace.previous,
              height: trace.depends.rows.indices.length,
              width: trace.depends.cols.indices.length,
              count: depChannels,
              rows: span(trace.input.rows.first, trace.input.rows.last),
              cols: span(trace.input.cols.first, trace.input.cols.last),
              pixels: regionCells(trace.input),
            })
          : layout && layout.hidden > 0
            ? t('capped')
            : !anyMap
              ? t('noMaps')
              : ''}
      </div>
    </section>
  );
}
