import { useCallback, useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { Image28 } from '../../core/grid';
import type { MnistData } from '../../data/mnistFormat';
import type { MapLayer, MapLayerId } from '../../model/digitMap/mapLayers';
import type { SessionStatus } from '../../model/session';
import type { LabAction } from '../../state/labState';
import { Figure } from '../export/Figure';
import { PanelHeader } from '../info/PanelHeader';
import { ClassLegend } from './ClassLegend';
import { DigitScatter } from './DigitScatter';
import { SeparationChart } from './SeparationChart';
import { useDigitMap } from './useDigitMap';
import '../../styles/digitMap.css';

export interface DigitMapPanelProps {
  readonly status: SessionStatus | null;
  readonly image: Image28 | null;
  readonly data: MnistData | null;
  readonly dispatch: Dispatch<LabAction>;
  /** The chosen layer (kept in the link). */
  readonly layer: MapLayerId;
  readonly onLayer: (layer: MapLayerId) => void;
}

/** A layer's short name as on its button and bar: pixels, pool1, conv3 (a block without pooling), dense2. */
function useLayerName() {
  const { t } = useTranslation('digitMap');
  return useCallback((layer: MapLayer) => (layer.layerName === null ? t('pixels') : layer.layerName.replace(/_.*/, '')), [t]);
}

/**
 * The map of all digits: the 1,000 held-out digits laid out in two dimensions by UMAP from a
 * chosen layer, the digit on the page placed on it, and how well each layer mapped so far
 * separates the classes (5-nearest-neighbour accuracy in the map).
 */
export function DigitMapPanel({ status, image, data, dispatch, layer: chosen, onLayer }: DigitMapPanelProps) {
  const { t } = useTranslation('digitMap');
  const nameOf = useLayerName();
  const [highlight, setHighlight] = useState<number | null>(null);
  const [everyLayer, setEveryLayer] = useState(false);
  const map = useDigitMap(status, data, chosen, image, everyLayer);
  const { layer, layout, heldOut, progress } = map;
  const state = !status || !heldOut ? 'waiting' : layout ? 'ready' : map.training ? 'training' : map.error ? 'failed' : 'busy';
  const hasDense = (status?.spec.dense.length ?? 1) > 0;

  const progressText = () => {
    if (!progress) return '';
    const name = nameOf(progress.layer);
    if (progress.stage === 'features') return t('progress.features', { layer: name, done: progress.done, total: progress.total });
    if (progress.stage === 'neighbours') return t('progress.neighbours', { layer: name });
    return t('progress.layout', { layer: name, done: progress.done, total: progress.total });
  };
  const fraction = progress
    ? progress.stage === 'features'
      ? 0.3 * (progress.done / progress.total)
      : progress.stage === 'neighbours'
        ? 0.3
        : 0.4 + 0.6 * (progress.done / progress.total)
    : 0;

  const open = (i: number) => {
    if (heldOut) dispatch({ type: 'pickSample', id: heldOut.ids[i] });
  };
  const describe = (i: number) => (heldOut ? t('point', { digit: heldOut.labels[i], index: heldOut.ids[i].index }) : '');

  return (
    <section
      className="panel teach-panel digit-map"
      aria-labelledby="digit-map-title"
      data-testid="digit-map-panel"
      data-state={state}
      data-layer={layer?.id ?? ''}
      data-accuracy={layout?.accuracy ?? ''}
      data-version={status?.version ?? ''}
    >
      <PanelHeader titleId="digit-map-title" title={t('title')} panel="digit-map" paragraphs={[t('info1'), t('info2'), t('info3')]} />
      <p className="muted">{t('intro')}</p>
      <div className="digit-map__layers" role="group" aria-label={t('layerGroup')}>
        <span className="digit-map__layers-label">{t('layerGroup')}:</span>
        {map.layers.map((l) => (
          <button
            key={l.id}
            type="button"
            className="digit-map__layer"
            aria-pressed={layer?.id === l.id}
            disabled={!l.mappable}
            title={l.mappable ? undefined : t('tooLarge', { size: l.size })}
            data-testid={`digit-map-layer-${l.id}`}
            onClick={() => onLayer(l.id)}
          >
            {nameOf(l)}
          </button>
        ))}
      </div>
      {!hasDense && <p className="notice digit-map__note">{t('noDense')}</p>}
      {map.missing && layer && <p className="notice digit-map__note">{t('missing', { layer: chosen, shown: nameOf(layer) })}</p>}
      {map.layers.some((l) => !l.mappable) && <p className="muted digit-map__note">{t('someTooLarge', { size: map.layers.find((l) => !l.mappable)!.size })}</p>}
      {state === 'training' && <p className="notice digit-map__note">{t('training')}</p>}
      {map.error && (
        <p className="notice digit-map__note" role="status">
          {t('failed', { reason: map.error })}
        </p>
      )}
      {state === 'waiting' && <p className="muted">{t('waiting')}</p>}
      {progress && (
        <div className="digit-map__progress" data-testid="digit-map-progress" data-stage={progress.stage} data-done={progress.done}>
          <progress max={1} value={fraction} aria-label={t('progressLabel')} />
          <span role="status">{progressText()}</span>
        </div>
      )}
      <div className="digit-map__body">
        {layout && heldOut && layer && (
          <Figure
            title={t('figureTitle', { layer: nameOf(layer) })}
            name={['digit-map', nameOf(layer)]}
            vector
            testId="figure-digit-map"
            className="digit-map__figure"
          >
            <DigitScatter xy={layout.xy} labels={heldOut.labels} highlight={highlight} input={map.input?.xy ?? null} onOpen={open} describe={describe} />
          </Figure>
        )}
        <div className="digit-map__side">
          {layout && (
            <>
              <h3 className="digit-map__subtitle">{t('legendTitle')}</h3>
              <ClassLegend highlight={highlight} onHighlight={setHighlight} />
              <p className="muted digit-map__hint">{t('keys')}</p>
              <p className="digit-map__input-note" data-testid="digit-map-input-note">
                {map.input ? t('inputShown') : t('inputMissing')}
              </p>
            </>
          )}
          {map.layers.length > 0 && (
            <>
              <h3 className="digit-map__subtitle">{t('separationTitle')}</h3>
              <Figure title={t('separationTitle')} name={['digit-map-separation']} vector testId="figure-digit-map-separation">
                <SeparationChart
                  bars={map.layers
                    .filter((l) => l.mappable)
                    .map((l) => ({ label: nameOf(l), accuracy: map.fitted.find((f) => f.layer === l.id)?.accuracy ?? null, current: l.id === layer?.id }))}
                />
              </Figure>
              <p className="muted digit-map__hint">{t('separationNote')}</p>
              {map.fitted.length < map.layers.filter((l) => l.mappable).length && (
                <button type="button" data-testid="digit-map-every-layer" disabled={everyLayer || !layout} onClick={() => setEveryLayer(true)}>
                  {t('everyLayer')}
                </button>
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
