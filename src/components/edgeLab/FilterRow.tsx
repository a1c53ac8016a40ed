import { useTranslation } from 'react-i18next';
import { RichText } from '../common/RichText';
import { gridRange, type Grid } from '../../core/grid';
import type { EdgeMap } from '../../core/edgeLab';
import { COLOUR_SCALES, VIEW } from '../../render/palette';
import type { Domain } from '../../render/paintGrid';
import { FeatureMap, type Cell, type CellBox } from '../common/FeatureMap';
import { KernelEditor } from './KernelEditor';
import { MapFigure } from '../export/MapFigure';

export type MapKind = 'raw' | 'fired' | 'pooled';

/** The cell being inspected in the lab: which filter, which of its maps, which cell. */
export interface LabCursor {
  readonly filter: number;
  readonly map: MapKind;
  readonly row: number;
  readonly col: number;
}

export interface FilterRowProps {
  readonly slot: number;
  readonly kernel: Grid;
  readonly presetId: string | null;
  readonly map: EdgeMap;
  readonly rawDomain: Domain;
  readonly cursor: LabCursor | null;
  /** Outlines to draw on the fired map (the pooling window) when a pooled cell is inspected. */
  readonly firedBoxes: readonly CellBox[];
  readonly onKernel: (slot: number, kernel: Grid, presetId: string | null) => void;
  readonly onCursor: (cursor: LabCursor | null) => void;
  readonly describe: (cursor: LabCursor) => string;
  readonly note?: string;
}

/** One filter of the experiment, left to right: kernel, raw response, thresholded map, pooled map. */
export function FilterRow(props: FilterRowProps) {
  const { t } = useTranslation('edgeLab');
  const { slot, map, cursor } = props;
  const here = (kind: MapKind): Cell | null => (cursor && cursor.filter === slot && cursor.map === kind ? cursor : null);
  const cellBox = (kind: MapKind): CellBox[] => {
    const c = here(kind);
    return c ? [{ top: c.row, left: c.col, height: 1, width: 1, colour: VIEW.highlight }] : [];
  };
  const mapProps = (kind: MapKind, grid: Grid) => ({
    side: VIEW.mapSide,
    activeCell: here(kind),
    onCellChange: (c: Cell | null) => props.onCursor(c ? { filter: slot, map: kind, ...c } : null),
    describeCell: (c: Cell) => props.describe({ filter: slot, map: kind, ...c }),
    label: t(`map.${kind}`, { filter: slot + 1, height: grid.height, width: grid.width }),
  });
  return (
    <div className="filter-row" data-testid={`filter-row-${slot}`}>
      <div className="filter-row__kernel">
        <h3>{t('filterN', { n: slot + 1 })}</h3>
        <KernelEditor slot={slot} kernel={props.kernel} presetId={props.presetId} onChange={props.onKernel} />
        {props.note && <p className="note">{props.note}</p>}
      </div>
      <MapFigure
        title={mapProps('raw', map.raw).label}
        name={[`filter ${slot + 1}`, 'convolution']}
        legend="response"
        scale={COLOUR_SCALES.diverging}
        domain={props.rawDomain}
        testId={`figure-raw-map-${slot}`}
      >
        <FeatureMap
          grid={map.raw}
          scale={COLOUR_SCALES.diverging}
          domain={props.rawDomain}
          testId={`raw-map-${slot}`}
          boxes={cellBox('raw')}
          dataAttributes={{ 'data-max': gridRange(map.raw)[1] }}
          {...mapProps('raw', map.raw)}
        />
        <figcaption>
          {map.raw.height} × {map.raw.width}
        </figcaption>
      </MapFigure>
      <MapFigure
        title={mapProps('fired', map.fired).label}
        name={[`filter ${slot + 1}`, 'thresholded']}
        legend="fires"
        scale={COLOUR_SCALES.binary}
        domain={[0, 1]}
        testId={`figure-fired-map-${slot}`}
      >
        <FeatureMap
          grid={map.fired}
          scale={COLOUR_SCALES.binary}
          domain={[0, 1]}
          testId={`fired-map-${slot}`}
          dataAttributes={{ 'data-on-count': map.onCount }}
          boxes={[...cellBox('fired'), ...props.firedBoxes]}
          {...mapProps('fired', map.fired)}
        />
        <figcaption>
          <RichText
            t={t}
            i18nKey="onCount"
            values={{ on: map.onCount, total: map.fired.height * map.fired.width }}
            components={{ on: <strong data-testid={`on-count-${slot}`} /> }}
          />
        </figcaption>
      </MapFigure>
      <MapFigure
        title={mapProps('pooled', map.pooled).label}
        name={[`filter ${slot + 1}`, 'pooled']}
        legend="pooled"
        scale={COLOUR_SCALES.binary}
        domain={[0, 1]}
        testId={`figure-pooled-map-${slot}`}
      >
        <FeatureMap
          grid={map.pooled}
          scale={COLOUR_SCALES.binary}
          domain={[0, 1]}
          testId={`pooled-map-${slot}`}
          boxes={cellBox('pooled')}
          {...mapProps('pooled', map.pooled)}
          dataAttributes={{ 'data-sum': sumOf(map.pooled) }}
        />
        <figcaption>
          {map.pooled.height} × {map.pooled.width}
        </figcaption>
      </MapFigure>
    </div>
  );
}

function sumOf(grid: Grid): number {
  let s = 0;
  for (const v of grid.data) s += v;
  return Math.round(s * 1000) / 1000;
}
