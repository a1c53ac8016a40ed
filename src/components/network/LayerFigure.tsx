import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColourScale } from '../../render/palette';
import type { Domain } from '../../render/paintGrid';
import { Figure } from '../export/Figure';

export interface LayerFigureProps {
  /** The layer's name, e.g. "conv1"; names the file and the legend. */
  readonly layer: string;
  /** Heading of the exported picture, e.g. "conv1 — convolution". */
  readonly title: string;
  /** How many channel pictures the layer shows (0 or 1: no channel choice). */
  readonly channels: number;
  readonly scale: ColourScale;
  readonly domain: Domain;
  /** The layer's pictures (one <figure> with a caption per channel). */
  readonly children: ReactNode;
}

/**
 * All the pictures of one network layer, exportable as one captioned PNG grid with its legend,
 * or one chosen channel on its own (convlens-conv1-channel-3.png).
 */
export function LayerFigure({ layer, title, channels, scale, domain, children }: LayerFigureProps) {
  const { t } = useTranslation('export');
  const [channel, setChannel] = useState(0);
  const one = channel > 0 && channel <= channels;
  const picker =
    channels > 1 ? (
      <select
        className="export-channel"
        value={channel}
        aria-label={t('channelPick', { layer })}
        data-testid="export-channel"
        onChange={(e) => setChannel(Number(e.target.value))}
      >
        <option value={0}>{t('allChannels')}</option>
        {Array.from({ length: channels }, (_, i) => (
          <option key={i} value={i + 1}>
            {t('channel', { n: i + 1 })}
          </option>
        ))}
      </select>
    ) : null;
  return (
    <Figure
      title={one ? `${title}, ${t('channel', { n: channel })}` : title}
      name={one ? [layer, `channel ${channel}`] : [layer]}
      legend={{ scale, domain, title: t('legend.values', { layer }) }}
      pick={one ? channel - 1 : undefined}
      tools={picker}
      testId={`figure-layer-${layer}`}
    >
      {children}
    </Figure>
  );
}
