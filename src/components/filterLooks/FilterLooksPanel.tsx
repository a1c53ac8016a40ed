import { useMemo, useRef, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { cropGrid } from '../../core/grid';
import { topRows } from '../../core/topK';
import type { MnistData } from '../../data/mnistFormat';
import type { ModelSession, SessionStatus } from '../../model/session';
import { spatialLayers, traceLayerCell } from '../../model/spatialOps';
import { COLOUR_SCALES } from '../../render/palette';
import type { LabAction } from '../../state/labState';
import { ColourLegend } from '../../charts/ColourLegend';
import { ChannelSelect } from '../common/ChannelSelect';
import { FeatureMapThumb } from '../common/FeatureMapThumb';
import { useOnScreen } from '../common/useOnScreen';
import { Figure } from '../export/Figure';
import { PanelHeader } from '../info/PanelHeader';
import { PanelNotices } from '../info/PanelNotices';
import { formatActivation } from './formatActivation';
import { heldOutSet } from '../../data/heldOut';
import { OutlinedImage } from './OutlinedImage';
import { TopDigits } from './TopDigits';
import { useFilterLooks } from './useFilterLooks';
import '../../styles/filterLooks.css';

/** The filter shown, kept in the link (`fl`, `fc`). */
export interface FilterChoice {
  /** A convolution layer name (conv1..conv4); null for the first. */
  readonly layer: string | null;
  /** 0-based. */
  readonly channel: number;
  readonly onChoose: (layer: string, channel: number) => void;
}

export interface FilterLooksPanelProps {
  readonly session: ModelSession | null;
  readonly status: SessionStatus | null;
  readonly data: MnistData | null;
  readonly dispatch: Dispatch<LabAction>;
  readonly filter: FilterChoice;
}

/** CSS pixels of the found input's side: 8 per pixel. */
const FOUND_SIDE = 224;
const TOP_COUNT = 9;

/**
 * What each filter looks for: for one channel of one convolution layer of the model in view,
 * the input that excites its strongest cell most (gradient ascent) beside the nine held-out
 * digits that excite it most, each with that cell's receptive field outlined.
 */
export function FilterLooksPanel({ session, status, data, dispatch, filter }: FilterLooksPanelProps) {
  const { t } = useTranslation('filterLooks');
  const box = useRef<HTMLElement>(null);
  const active = useOnScreen(box);
  const spec = status?.spec ?? null;
  const chain = useMemo(() => (spec ? spatialLayers(spec) : []), [spec]);
  const convs = useMemo(
    () =>
      spec ? spec.convBlocks.map((b, i) => ({ name: `conv${i + 1}`, filters: b.filters, side: chain.find((l) => l.name === `conv${i + 1}`)?.side ?? 0 })) : [],
    [spec, chain],
  );
  const conv = convs.find((c) => c.name === filter.layer) ?? convs[0] ?? null;
  const layer = conv?.name ?? null;
  const channel = conv ? Math.min(Math.max(0, filter.channel), conv.filters - 1) : 0;
  const looks = useFilterLooks(session, status, data, layer, channel, active);
  const held = useMemo(() => (data ? heldOutSet(data) : null), [data]);
  const top = useMemo(() => (looks.maxima ? topRows(looks.maxima.values, looks.maxima.channels, channel, TOP_COUNT) : []), [looks.maxima, channel]);
  const bestDigit = looks.maxima && top.length ? looks.maxima.values[top[0] * looks.maxima.channels + channel] : null;
  const found = looks.ascent;
  const foundField = found ? (traceLayerCell(chain, found.layer, found.row, found.col)?.regions[0] ?? null) : null;
  // The pixels the strongest cell sees, with a pixel of context around them, for a close-up.
  const closeUp = useMemo(
    () =>
      found && foundField
        ? cropGrid(
            found.image,
            foundField.rows.first - 1,
            foundField.cols.first - 1,
            foundField.rows.last - foundField.rows.first + 3,
            foundField.cols.last - foundField.cols.first + 3,
          )
        : null,
    [found, foundField],
  );
  const training = status?.training ?? false;
  const state = !conv ? 'no-conv' : training ? 'waiting' : looks.cancelled ? 'cancelled' : found && looks.maxima ? 'ready' : 'busy';
  const channelText = String(channel + 1);

  return (
    <section
      ref={box}
      className="panel teach-panel filter-looks"
      aria-labelledby="filter-looks-title"
      data-testid="filter-looks-panel"
      data-state={state}
      data-layer={layer ?? ''}
      data-channel={channel}
      data-version={status?.version ?? ''}
    >
      <PanelHeader titleId="filter-looks-title" title={t('title')} panel="filter-looks" paragraphs={[t('info1'), t('info2'), t('info3')]} />
      <p className="muted">{t('intro')}</p>
      {!status || !data ? (
        <p className="muted">{t('waitingModel')}</p>
      ) : !conv ? (
        <p className="notice">{t('noConv')}</p>
      ) : (
        <>
          <div className="filter-looks__controls">
            <label className="teach-field">
              {t('layer')}{' '}
              <select data-testid="filter-looks-layer" value={conv.name} onChange={(e) => filter.onChoose(e.target.value, 0)}>
                {convs.map((c) => (
                  <option key={c.name} value={c.name}>
                    {t('layerOption', { layer: c.name, filters: c.filters, side: c.side })}
                  </option>
                ))}
              </select>
            </label>
            <ChannelSelect
              label={t('channel')}
              channels={conv.filters}
              value={channel}
              onChange={(c) => filter.onChoose(conv.name, c)}
              testId="filter-looks-channel"
            />
          </div>
          <p className="muted filter-looks__strongest">{t('strongest', { layer: conv.name, side: conv.side })}</p>
          <div className="filter-looks__body">
            <div className="filter-looks__found">
              <Figure
                title={t('foundTitle', { layer: conv.name, channel: channelText })}
                name={['looks-for', conv.name, `channel-${channelText}`]}
                legend={{ scale: COLOUR_SCALES.grey, domain: [0, 1], title: t('legend') }}
                testId="filter-looks-found"
              >
                <figure
                  className="filter-looks__figure"
                  data-testid="filter-looks-found-figure"
                  data-activation={found?.activation ?? ''}
                  data-best-digit={bestDigit ?? ''}
                  data-step={found?.step ?? ''}
                >
                  <h3>{t('foundTitle', { layer: conv.name, channel: channelText })}</h3>
                  {found ? (
                    <>
                      <OutlinedImage
                        image={found.image}
                        field={foundField}
                        side={FOUND_SIDE}
                        label={t('foundLabel', { layer: conv.name, channel: channelText, value: formatActivation(found.activation) })}
                      />
                      {closeUp && foundField && closeUp.width > 0 && (
                        <div className="filter-looks__close-up" data-testid="filter-looks-close-up">
                          <FeatureMapThumb
                            grid={closeUp}
                            scale={COLOUR_SCALES.grey}
                            side={Math.min(FOUND_SIDE / 2, 16 * closeUp.width)}
                            aspect={closeUp.height / closeUp.width}
                            label={t('closeUpLabel', {
                              height: foundField.rows.last - foundField.rows.first + 1,
                              width: foundField.cols.last - foundField.cols.first + 1,
                            })}
                          />
                          <span className="muted">
                            {t('closeUp', {
                              height: foundField.rows.last - foundField.rows.first + 1,
                              width: foundField.cols.last - foundField.cols.first + 1,
                            })}
                          </span>
                        </div>
                      )}
                      <ColourLegend scale={COLOUR_SCALES.grey} domain={[0, 1]} title={t('legend')} width={FOUND_SIDE} />
                      <figcaption>
                        {t('foundCaption', {
                          value: formatActivation(found.activation),
                          row: found.row + 1,
                          col: found.col + 1,
                          step: found.step,
                          steps: found.steps,
                        })}
                      </figcaption>
                    </>
                  ) : (
                    <div className="filter-looks__placeholder" style={{ width: FOUND_SIDE, height: FOUND_SIDE }} />
                  )}
                </figure>
              </Figure>
              <AscentStatus looks={looks} />
              {found && bestDigit !== null && (
                <p className="filter-looks__compare" data-testid="filter-looks-compare">
                  {t('compare', { found: formatActivation(found.activation), digit: formatActivation(bestDigit) })}
                </p>
              )}
            </div>
            <div className="filter-looks__top">
              <h3>{t('digitsTitle', { layer: conv.name, channel: channelText })}</h3>
              {looks.maxima && held ? (
                <>
                  <p className="muted">{t('digitsHint')}</p>
                  <TopDigits data={data} held={held} maxima={looks.maxima} chain={chain} channel={channel} top={top} dispatch={dispatch} />
                </>
              ) : (
                <p className="muted" role="status">
                  {t('computingDigits', { done: looks.maximaDone ?? 0, count: held?.ids.length ?? 0 })}
                </p>
              )}
            </div>
          </div>
        </>
      )}
      <PanelNotices waiting={training ? t('training') : null} failure={looks.error ? t('failed', { reason: looks.error }) : null} />
    </section>
  );
}

/** Step k of N with the value reached, and Cancel; or, once cancelled, the button that starts it again. */
function AscentStatus({ looks }: { looks: ReturnType<typeof useFilterLooks> }) {
  const { t } = useTranslation('filterLooks');
  const { progress } = looks;
  if (looks.cancelled) {
    return (
      <p className="filter-looks__progress" data-testid="filter-looks-progress" data-state="cancelled">
        {t('cancelled')}{' '}
        <button type="button" data-testid="filter-looks-restart" onClick={looks.restart}>
          {t('restart')}
        </button>
      </p>
    );
  }
  if (!progress) return null;
  return (
    <div className="filter-looks__progress" data-testid="filter-looks-progress" data-state="running" data-step={progress.step} data-steps={progress.steps}>
      <progress max={progress.steps} value={progress.step} aria-label={t('progressLabel')} />
      <span role="status">
        {progress.step === 0
          ? t('starting')
          : t('progress', { step: progress.step, steps: progress.steps, value: formatActivation(progress.activation), best: formatActivation(progress.best) })}
      </span>
      <button type="button" data-testid="filter-looks-cancel" onClick={looks.cancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
