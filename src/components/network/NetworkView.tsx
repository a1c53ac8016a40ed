import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LayerOutput } from '../../model/activations';
import type { InputSnapshot, InputStore } from '../../state/inputStore';
import { ColourLegend } from '../../charts/ColourLegend';
import { COLOUR_SCALES } from '../../render/palette';
import type { ModelSpec } from '../../model/spec';
import { ReceptiveFieldExplorer } from '../teaching/ReceptiveFieldExplorer';
import { LayerFigure } from './LayerFigure';
import { LayerChannels } from './LayerChannels';
import { PanelInfo } from '../info/PanelInfo';
import { colouring } from './layerColouring';
import { createLayerStore, useSlowLayer, type LayerStore } from './layerStore';
import { LiveOnScreen } from '../common/LiveOnScreen';
import { useLiveValue } from '../input/useLiveInput';
import { useOnScreen } from '../common/useOnScreen';
import { NetworkOverview } from '../overview/NetworkOverview';

/** How often a layer's legend follows the pen, at most (its canvas follows every frame). */
const LEGEND_INTERVAL_MS = 250;
const NO_COLOURING = { scale: COLOUR_SCALES.sequential, domain: [0, 1] as const };

function shapeText(t: TFunction<'network'>, shape: readonly number[]): string {
  return shape.length === 3 ? `${shape[0]} × ${shape[1]} × ${shape[2]}` : t('values', { count: shape[0] });
}

interface LayerRowProps {
  readonly store: LayerStore;
  readonly name: string;
  readonly kind: LayerOutput['kind'];
  readonly activation?: LayerOutput['activation'];
  /** The shape joined with "x", e.g. "26x26x16". */
  readonly shape: string;
}

/**
 * One layer: its heading, legend and channels. Its props are the layer's structure only, so a
 * pen move renders nothing here: the channels repaint from the store, and the legend follows
 * at a low rate while the row is on screen.
 */
const LayerRow = memo(function LayerRow({ store, name, kind, activation, shape }: LayerRowProps) {
  const { t } = useTranslation('network');
  const dims = useMemo(() => shape.split('x').map(Number), [shape]);
  const row = useRef<HTMLDivElement>(null);
  // Scrolled away, the legend waits: it catches up when the row comes back on screen.
  const slow = useSlowLayer(store, name, LEGEND_INTERVAL_MS, useOnScreen(row));
  const { scale, domain } = slow ? colouring(slow) : NO_COLOURING;
  const isMap = dims.length === 3;
  const title = activation ? t('activationOf', { name: t(`activation.${activation}`, { defaultValue: activation }) }) : t(`kind.${kind}`);
  const [height, width, channels] = dims;
  const labels = useMemo(
    () =>
      isMap
        ? Array.from({ length: channels }, (_, i) => ({
            label: t('channelLabel', { layer: name, n: i + 1, height, width }),
            short: t('channelShort', { n: i + 1 }),
          }))
        : [{ label: t('vectorLabel', { layer: name, shape: shapeText(t, [height]) }), short: '' }],
    [t, isMap, name, height, width, channels],
  );
  return (
    <div ref={row} className="layer-row" data-testid={`layer-${name}`} data-shape={shape} tabIndex={-1}>
      <div className="layer-row__head">
        <h3>
          {name} <span className="muted">— {title}</span>
        </h3>
        <span className="layer-row__shape">{shapeText(t, dims)}</span>
        <ColourLegend scale={scale} domain={domain} title={t('legendTitle', { layer: name })} width={140} />
      </div>
      <LayerFigure layer={name} title={`${name} — ${title}`} channels={isMap ? channels : 0} scale={scale} domain={domain}>
        <div className="layer-row__tiles">
          <LayerChannels store={store} name={name} shape={shape} labels={labels} />
          {height === 10 && !isMap && (
            <div className="digit-axis" aria-hidden="true">
              {Array.from({ length: 10 }, (_, d) => (
                <span key={d}>{d}</span>
              ))}
            </div>
          )}
        </div>
      </LayerFigure>
    </div>
  );
});

export interface NetworkViewProps {
  /** The live input and the CNN's outputs for it. */
  readonly store: InputStore;
  readonly message: string | null;
  readonly spec?: ModelSpec;
}

/** The layers' structure, "name:kind:activation:shape" per layer ("" while there are none). */
function structureOf({ outputs }: InputSnapshot): string {
  return (outputs.layers ?? [])
    .filter((l) => l.kind !== 'flatten')
    .map((l) => `${l.name}:${l.kind}:${l.activation ?? ''}:${l.shape.join('x')}`)
    .join(' ');
}

const pathOf = ({ outputs }: InputSnapshot) => (outputs.layers ? (outputs.path ?? '') : '');

/**
 * Every layer of the CNN for the current input, top to bottom. A pen move renders none of it
 * in React: the layer rows depend on the layers' structure only (names and shapes), their
 * canvases repaint from the layer store, which follows the input store, and the receptive
 * field explorer follows the pen only while it is on screen.
 * `data-compute-path` on the section (testid `network-view`) names what computed the layers
 * shown: "plain" (the plain-JavaScript copy of the model in view, no tensors) or "tfjs" (the
 * model in view is training); empty while there are none. The browser tests read it.
 */
export function NetworkView({ store: input, message, spec }: NetworkViewProps) {
  const { t } = useTranslation('network');
  const [store] = useState(createLayerStore);
  const structure = useLiveValue(input, structureOf);
  const computePath = useLiveValue(input, pathOf);
  // Published before the channels' effects read it, then on every change of the input.
  useLayoutEffect(() => {
    const publish = () => store.set(input.get().outputs.layers);
    publish();
    return input.subscribe(publish);
  }, [store, input]);
  const rows = useMemo(
    () =>
      structure
        ? structure.split(' ').map((row) => {
            const [name, kind, activation, shape] = row.split(':');
            return { name, kind: kind as LayerOutput['kind'], activation: (activation || undefined) as LayerOutput['activation'], shape };
          })
        : null,
    [structure],
  );
  return (
    <section className="panel network-view" aria-labelledby="network-title" data-testid="network-view" data-compute-path={computePath}>
      <header className="panel__header">
        <div className="titled">
          <h2 id="network-title">{t('title')}</h2>
          <PanelInfo what="network" />
        </div>
        <p className="muted">{t('intro')}</p>
      </header>
      {rows && <NetworkOverview store={store} input={input} layers={rows} spec={spec} />}
      {spec && (
        <LiveOnScreen store={input} testId="rf-live">
          {({ outputs }) => outputs.layers && <ReceptiveFieldExplorer layers={outputs.layers} spec={spec} image={outputs.image} />}
        </LiveOnScreen>
      )}
      {rows ? (
        rows.map((l) => <LayerRow key={l.name} store={store} name={l.name} kind={l.kind} activation={l.activation} shape={l.shape} />)
      ) : (
        <p className="muted">{message ?? t('loading')}</p>
      )}
    </section>
  );
}
