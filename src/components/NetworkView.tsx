import { useMemo } from 'react';
import { extractChannel, finiteRange, vectorAsGrid } from '../core/channels';
import type { Grid } from '../core/grid';
import type { LayerOutput } from '../model/activations';
import { ColourLegend } from '../charts/ColourLegend';
import { COLOUR_SCALES, type ColourScale } from '../render/palette';
import { symmetricDomain, type Domain } from '../render/paintGrid';
import { FeatureMapThumb } from './FeatureMapThumb';
import { LayerFigure } from './LayerFigure';

const KIND_TITLE: Record<LayerOutput['kind'], string> = {
  conv: 'convolution (before the activation)',
  activation: 'activation',
  pool: 'pooling',
  flatten: 'flatten',
  dense: 'fully connected (before the activation)',
  dropout: 'dropout (passes everything through when predicting)',
  logits: 'logits: one score per digit',
  softmax: 'softmax: probabilities',
};

/** How a layer's values are coloured: signed values on the diverging scale, others sequential. */
function colouring(layer: LayerOutput): { scale: ColourScale; domain: Domain } {
  const [lo, hi] = finiteRange(layer.data);
  if (lo < 0) return { scale: COLOUR_SCALES.diverging, domain: symmetricDomain(lo, hi) };
  return { scale: COLOUR_SCALES.sequential, domain: [0, Math.max(hi, 1e-6)] };
}

/** The pictures of one layer: one per channel for maps, one block for a vector. */
function layerPictures(layer: LayerOutput): { label: string; grid: Grid }[] {
  if (layer.shape.length === 3) {
    const [h, w, c] = layer.shape;
    return Array.from({ length: c }, (_, ch) => ({ label: `ch ${ch + 1}`, grid: extractChannel(layer.data, h, w, c, ch) }));
  }
  const n = layer.shape[0];
  return [{ label: `${n} units`, grid: vectorAsGrid(layer.data, n <= 10 ? n : 16) }];
}

function shapeText(shape: readonly number[]): string {
  return shape.length === 3 ? `${shape[0]} × ${shape[1]} × ${shape[2]}` : `${shape[0]} values`;
}

function LayerRow({ layer }: { layer: LayerOutput }) {
  const pictures = useMemo(() => layerPictures(layer), [layer]);
  const { scale, domain } = colouring(layer);
  const isMap = layer.shape.length === 3;
  const tile = isMap ? (layer.shape[0] >= 20 ? 60 : 48) : (pictures[0].grid.width === 10 ? 26 : 13) * pictures[0].grid.width;
  const title = layer.kind === 'activation' && layer.name.includes('_') ? `${layer.name.split('_')[1]} activation` : KIND_TITLE[layer.kind];
  return (
    <div className="layer-row" data-testid={`layer-${layer.name}`} data-shape={layer.shape.join('x')}>
      <div className="layer-row__head">
        <h3>
          {layer.name} <span className="muted">— {title}</span>
        </h3>
        <span className="layer-row__shape">{shapeText(layer.shape)}</span>
        <ColourLegend scale={scale} domain={domain} title={`${layer.name} values`} width={140} />
      </div>
      <LayerFigure layer={layer.name} title={`${layer.name} — ${title}`} channels={isMap ? pictures.length : 0} scale={scale} domain={domain}>
      <div className="layer-row__tiles">
        {pictures.map((p, i) => (
          <figure key={i} className="tile" title={`${layer.name}, ${isMap ? `channel ${i + 1}, ${layer.shape[0]} × ${layer.shape[1]}` : shapeText(layer.shape)}`}>
            <FeatureMapThumb grid={p.grid} scale={scale} domain={domain} side={tile} aspect={p.grid.height / p.grid.width} label={`${layer.name}, ${isMap ? `channel ${i + 1}, ${layer.shape[0]} × ${layer.shape[1]}` : shapeText(layer.shape)}`} />
            {isMap && <figcaption>{p.label}</figcaption>}
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

/** Every layer of the CNN for the current input, top to bottom. */
export function NetworkView({ layers, message }: { layers: LayerOutput[] | null; message: string | null }) {
  return (
    <section className="panel network-view" aria-labelledby="network-title" data-testid="network-view">
      <header className="panel__header">
        <h2 id="network-title">Inside the CNN</h2>
        <p className="muted">
          The same digit through the trained network: convolution, activation and pooling blocks, then fully connected layers and softmax.
          Each small picture is one channel (one learned filter's feature map).
        </p>
      </header>
      {layers ? layers.filter((l) => l.kind !== 'flatten').map((l) => <LayerRow key={l.name} layer={l} />) : <p className="muted">{message ?? 'Loading the network…'}</p>}
    </section>
  );
}
