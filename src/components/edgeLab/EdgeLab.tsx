import { useCallback, useMemo, useState, type Dispatch } from 'react';
import type { Grid } from '../../core/grid';
import { useTranslation } from 'react-i18next';
import { MNIST_SIDE, padGrid, gridRange, type Image28 } from '../../core/grid';
import { runEdgeFilters } from '../../core/edgeLab';
import { convolutionAt } from '../../core/convolve';
import { poolWindowAt } from '../../core/pool';
import { COLOUR_SCALES, VIEW } from '../../render/palette';
import { symmetricDomain } from '../../render/paintGrid';
import { ColourLegend } from '../../charts/ColourLegend';
import type { LabAction, LabState } from '../../state/labState';
import { FeatureMap, type CellBox } from '../common/FeatureMap';
import { FilterRow, type LabCursor } from './FilterRow';
import { RuleControls, type RuleControlsProps } from './RuleControls';
import { ConvPoolControls, type ConvPoolControlsProps } from './ConvPoolControls';
import { CellInspector, describeConvCell, describePoolCell, type Inspection } from './CellInspector';
import { PresetExplainer } from './PresetExplainer';
import { EDGE_FILTERS, timed } from '../common/perfMarks';
import { MapFigure } from '../export/MapFigure';
import { PanelInfo } from '../info/PanelInfo';

export interface EdgeLabProps {
  readonly image: Image28;
  readonly state: LabState;
  readonly dispatch: Dispatch<LabAction>;
}

/** The seed article's experiment: four 3x3 filters, a threshold, and 2x2 pooling, live. */
export function EdgeLab({ image, state, dispatch }: EdgeLabProps) {
  const { t } = useTranslation('edgeLab');
  const { rule, conv, pool } = state;
  const kernels = useMemo(() => state.filters.map((f) => f.kernel), [state.filters]);
  const result = useMemo(() => timed(EDGE_FILTERS, () => runEdgeFilters(image, kernels, rule, conv, pool)), [image, kernels, rule, conv, pool]);
  const [cursor, setCursor] = useState<LabCursor | null>(null);
  // Stable handlers, so the memoised controls skip re-rendering while the pen draws.
  const onPreset = useCallback((preset: Parameters<RuleControlsProps['onPreset']>[0]) => dispatch({ type: 'usePreset', preset }), [dispatch]);
  const onRule = useCallback((r: LabState['rule']) => dispatch({ type: 'setRule', rule: r }), [dispatch]);
  const onConv = useCallback((c: Parameters<ConvPoolControlsProps['onConv']>[0]) => dispatch({ type: 'setConv', conv: c }), [dispatch]);
  const onPool = useCallback((p: Parameters<ConvPoolControlsProps['onPool']>[0]) => dispatch({ type: 'setPool', pool: p }), [dispatch]);
  const onKernel = useCallback((slot: number, kernel: Grid, presetId: string | null) => dispatch({ type: 'setKernel', slot, kernel, presetId }), [dispatch]);

  const rawDomain = useMemo(() => {
    let lo = 0;
    let hi = 0;
    for (const m of result.maps) {
      const [a, b] = gridRange(m.raw);
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    }
    return symmetricDomain(lo, hi);
  }, [result]);

  const inspect = (c: LabCursor | null): Inspection | null => {
    if (!c || c.filter >= result.maps.length) return null;
    const m = result.maps[c.filter];
    const target = c.map === 'pooled' ? m.pooled : m.raw;
    if (c.row >= target.height || c.col >= target.width) return null;
    if (c.map === 'pooled') return { kind: 'pool', filter: c.filter, explanation: poolWindowAt(m.fired, pool, c.row, c.col), pool: pool.kind };
    return { kind: 'conv', filter: c.filter, explanation: convolutionAt(result.input, kernels[c.filter], conv, c.row, c.col) };
  };
  const inspection = inspect(cursor);
  const describe = (c: LabCursor) => {
    const i = inspect(c);
    if (!i) return '';
    return i.kind === 'conv' ? describeConvCell(t, i.filter, i.explanation, rule) : describePoolCell(t, i.filter, i.explanation, i.pool);
  };

  const inputMax = rule.input.kind === 'grey255' ? 255 : 1;
  const inputValues = rule.input.kind === 'binary' ? t('input.binary') : t('input.grey', { max: inputMax });
  const padded = useMemo(() => padGrid(result.input, conv.padding), [result.input, conv.padding]);
  const inputLabel = t('input.label', { values: inputValues, height: padded.height, width: padded.width });
  const inputBoxes: CellBox[] = [];
  if (conv.padding > 0) {
    inputBoxes.push({ top: conv.padding, left: conv.padding, height: MNIST_SIDE, width: MNIST_SIDE, colour: VIEW.padding, dashed: true });
  }
  if (inspection?.kind === 'conv') {
    const k = kernels[inspection.filter];
    inputBoxes.push({
      top: inspection.explanation.outRow * conv.stride,
      left: inspection.explanation.outCol * conv.stride,
      height: k.height,
      width: k.width,
      colour: VIEW.highlight,
    });
  }
  const firedBoxes = (slot: number): CellBox[] => {
    if (inspection?.kind !== 'pool' || inspection.filter !== slot) return [];
    const ex = inspection.explanation;
    const boxes: CellBox[] = [{ top: ex.outRow * pool.stride, left: ex.outCol * pool.stride, height: pool.size, width: pool.size, colour: VIEW.highlight }];
    if (ex.chosenIndex !== null) {
      const chosen = ex.cells[ex.chosenIndex];
      boxes.push({ top: chosen.row, left: chosen.col, height: 1, width: 1, colour: VIEW.chosen });
    }
    return boxes;
  };

  return (
    <section className="panel edge-lab" aria-labelledby="edge-lab-title" data-testid="edge-lab">
      <header className="panel__header">
        <div className="titled">
          <h2 id="edge-lab-title">{t('title')}</h2>
          <PanelInfo what="edgeLab" />
        </div>
        <p className="muted">{t('intro')}</p>
      </header>
      <div className="edge-lab__controls">
        <RuleControls rule={rule} onPreset={onPreset} onChange={onRule} />
        <ConvPoolControls conv={conv} pool={pool} kernelSide={3} onConv={onConv} onPool={onPool} />
      </div>
      <PresetExplainer />
      <div className="edge-lab__body">
        <aside className="edge-lab__side">
          <MapFigure
            className="edge-lab__input"
            title={inputLabel}
            name={['input', rule.input.kind]}
            legend="grey"
            scale={COLOUR_SCALES.grey}
            domain={[0, inputMax]}
            testId="figure-input"
          >
            <FeatureMap
              grid={padded}
              scale={COLOUR_SCALES.grey}
              domain={[0, inputMax]}
              side={VIEW.inputSide}
              label={inputLabel}
              boxes={inputBoxes}
              testId="filter-input"
            />
            <figcaption>
              {conv.padding > 0 ? t('input.captionPadded', { values: inputValues, count: conv.padding }) : t('input.caption', { values: inputValues })}
            </figcaption>
          </MapFigure>
          <div className="info-corner">
            <PanelInfo what="inspector" />
            <CellInspector inspection={inspection} rule={rule} />
          </div>
        </aside>
        <div className="filter-table" data-testid="filter-table">
          <p className="filter-table__info">
            <PanelInfo what="filterTable" />
          </p>
          <div className="filter-table__head" aria-hidden="true">
            <span>{t('columns.filter')}</span>
            <span>
              {t('columns.raw')}
              <ColourLegend scale={COLOUR_SCALES.diverging} domain={rawDomain} title={t('columns.rawLegend')} width={VIEW.mapSide} />
            </span>
            <span>
              {t('columns.fired')}
              <ColourLegend scale={COLOUR_SCALES.binary} domain={[0, 1]} ticks={[0, 1]} title={t('columns.firedLegend')} width={VIEW.mapSide} />
            </span>
            <span>
              {t(`columns.pooled.${pool.kind}`, { size: pool.size })}
              <ColourLegend scale={COLOUR_SCALES.binary} domain={[0, 1]} ticks={[0, 0.5, 1]} title={t('columns.pooledLegend')} width={VIEW.mapSide} />
            </span>
          </div>
          {result.maps.map((m, slot) => (
            <FilterRow
              key={slot}
              slot={slot}
              kernel={state.filters[slot].kernel}
              presetId={state.filters[slot].presetId}
              map={m}
              rawDomain={rawDomain}
              cursor={cursor}
              firedBoxes={firedBoxes(slot)}
              onKernel={onKernel}
              onCursor={setCursor}
              describe={describe}
              note={state.filters[slot].presetId === 'horizontal' ? t('filter3Note') : undefined}
            />
          ))}
        </div>
      </div>
    </section>
  );
}
