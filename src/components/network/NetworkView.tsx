import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { extractChannel, finiteRange, vectorAsGrid } from '../../core/channels';
import type { Grid } from '../../core/grid';
import type { LayerOutput } from '../../model/activations';
import { ColourLegend } from '../../charts/ColourLegend';
import { COLOUR_SCALES, type ColourScale } from '../../render/palette';
import { symmetricDomain, type Domain } from '../../render/paintGrid';
import { FeatureMapThumb } from '../common/FeatureMapThumb';
import type { ModelSpec } from '../../model/spec';
import { ReceptiveFieldExplorer } from '../teaching/ReceptiveFieldExplorer';
import { LayerFigure } from './LayerFigure';
import { PanelInfo } from '../info/PanelInfo';
import type { ComputePath } from './useLayerOutputs';

/** How a layer's values are coloured: signed values on the diverging scale, others sequential. */
function colouring(layer: LayerOutput): { scale: ColourScale; domain: Domain } {
  const [lo, hi] = finiteRange(layer.data);
  if (lo < 0) return { scale: COLOUR_SCALES.diverging, domain: symmetricDomain(lo, hi) };
  return { scale: COLOUR_SCALES.sequential, domain: [0, Math.max(hi, 1e-6)] };
}

/** The pictures of one layer: one per channel for maps, one block for a vector. */
function layerPictures(layer: LayerOutput): Grid[] {
  if (layer.shape.length === 3) {
    const [h, w, c] = layer.shape;
    return Array.from({ length: c }, (_, ch) => extractChannel(layer.data, h, w, c, ch));
  }
  const n = layer.shape[0];
  return [vectorAsGrid(layer.data, n <= 10 ? n : 16)];
}

function shapeText(t: TFunction<'network'>, shape: readonly number[]): string {
  return shape.length === 3 ? `${shape[0]} × ${shape[1]} × ${shape[2]}` : t('values', { count: shape[0] });
}

function LayerRow({ layer }: { layer: LayerOutput }) {
  const { t } = useTranslation('network');
  const pictures = useMemo(() => layerPictures(layer), [layer]);
  const { scale, domain } = colouring(layer);
  const isMap = layer.shape.length === 3;
  const tile = isMap ? (layer.shape[0] >= 20 ? 60 : 48) : (pictures[0].width === 10 ? 26 : 13) * pictures[0].width;
  const { activation } = layer;
  const title = activation ? t('activationOf', { name: t(`activation.${activation}`, { defaultValue: activation }) }) : t(`kind.${layer.kind}`);
  // The labels depend on the layer's name and shape only: made once, not on every pen move.
  const [height, width, channels] = layer.shape;
  const labels = useMemo(
    () =>
      isMap
        ? Array.from({ length: channels }, (_, i) => ({ label: t('channelLabel', { layer: layer.name, n: i + 1, height, width }), short: t('channelShort', { n: i + 1 }) }))
        : [{ label: t('vectorLabel', { layer: layer.name, shape: shapeText(t, [height]) }), short: '' }],
    [t, isMap, layer.name, height, width, channels],
  );
  return (
    <div className="layer-row" data-testid={`layer-${layer.name}`} data-shape={layer.shape.join('x')}>
      <div className="layer-row__head">
        <h3>
          {layer.name} <span className="muted">— {title}</span>
        </h3>
        <span className="layer-row__shape">{shapeText(t, layer.shape)}</span>
        <ColourLegend scale={scale} domain={domain} title={t('legendTitle', { layer: layer.name })} width={140} />
      </div>
      <LayerFigure layer={layer.name} title={`${layer.name} — ${title}`} channels={isMap ? pictures.length : 0} scale={scale} domain={domain}>
      <div className="layer-row__tiles">
        {pictures.map((grid, i) => (
          <figure key={i} className="tile" title={labels[i].label}>
            <FeatureMapThumb grid={grid} scale={scale} domain={domain} side={tile} aspect={grid.height / grid.width} label={labels[i].label} />
            {isMap && <figcaption>{labels[i].short}</figcaption>}
            {layer.shape[0] === 10 && !isMap && (
              <figcaption className="digit-axis" aria-hidden="true">
                {Array.from({ length: 10 }, (_, d) => (
                  <span key={d}>{d}</span>
                ))}
              </figcaption>
            )}
          </figure>
        ))}
      </div>
      </LayerFigure>
    </div>
  );
}

export interface NetworkViewProps {
  readonly layers: LayerOutput[] | null;
  readonly message: string | null;
  readonly spec?: ModelSpec;
  readonly image?: Grid | null;
  /** What computed `layers` (see useLayerOutputs); null while there are none. */
  readonly computePath?: ComputePath | null;
}

/**
 * Every layer of the CNN for the current input, top to bottom.
 * `data-compute-path` on the section (testid `network-view`) names what computed the layers
 * shown: "plain" (the plain-JavaScript copy of the model in view, no tensors) or "tfjs" (the
 * model in view is training); empty while there are none. The browser tests read it.
 */
export function NetworkView({ layers, message, spec, image, computePath = null }: NetworkViewProps) {
  const { t } = useTranslation('network');
  return (
    <section className="panel network-view" aria-labelledby="network-title" data-testid="network-view" data-compute-path={layers ? (computePath ?? '') : ''}>
      <header className="panel__header">
        <div className="titled">
          <h2 id="network-title">{t('title')}</h2>
          <PanelInfo what="network" />
        </div>
        <p className="muted">{t('intro')}</p>
      </header>
      {layers && spec && <ReceptiveFieldExplorer layers={layers} spec={spec} image={image ?? null} />}
      {layers ? layers.filter((l) => l.kind !== 'flatten').map((l) => <LayerRow key={l.name} layer={l} />) : <p className="muted">{message ?? t('loading')}</p>}
    </section>
  );
}
