import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ColourLegend } from '../../charts/ColourLegend';
import { ARTICLE_FILTERS } from '../../core/filters';
import { createGrid, type Grid } from '../../core/grid';
import type { FirstLayerKernels } from '../../model/firstLayer';
import { EDGE_FILTER_SCALE } from '../../model/firstLayerStart';
import { COLOUR_SCALES } from '../../render/palette';
import { symmetricDomain, type Domain } from '../../render/paintGrid';
import { InfoButton } from '../info/InfoButton';
import { KernelCard } from './KernelCard';
import '../../styles/compare.css';

export interface FilterComparePanelProps {
  /** conv1's kernels of the model in view (null while they are being read). */
  readonly first: FirstLayerKernels | null;
}

const HANDMADE_DOMAIN: Domain = [-2, 2];

function largestMagnitude(kernels: readonly Float32Array[]): Domain {
  let m = 0;
  for (const k of kernels) for (const v of k) m = Math.max(m, Math.abs(v));
  return symmetricDomain(-m, m);
}

/** The article's four hand-made edge filters beside the kernels the network's first layer learned. */
export function FilterComparePanel({ first }: FilterComparePanelProps) {
  const { t, i18n } = useTranslation('compare');
  const learned = useMemo<Grid[]>(() => (first ? first.kernels.map((k) => createGrid(first.kernelHeight, first.kernelWidth, k)) : []), [first]);
  const learnedDomain = useMemo(() => largestMagnitude(first?.kernels ?? []), [first]);
  const fmt = (v: number) => v.toLocaleString(i18n.language, { maximumFractionDigits: 2 });
  const title = t('filters.title');
  return (
    <section className="panel filter-compare" aria-labelledby="filter-compare-title" data-testid="filter-compare">
      <header className="panel__header compare-header">
        <h2 id="filter-compare-title">
          {title}{' '}
          <InfoButton panel="filter-compare" topic={title} paragraphs={[t('filters.info1'), t('filters.info2'), t('filters.info3', { scale: '1/3' })]} />
        </h2>
        <p className="muted">{t('filters.intro')}</p>
      </header>
      <div className="filter-compare__group">
        <div className="filter-compare__heading">
          <h3>{t('filters.handmade')}</h3>
          <ColourLegend scale={COLOUR_SCALES.diverging} domain={HANDMADE_DOMAIN} title={t('filters.weight')} format={fmt} />
        </div>
        <div className="filter-compare__cards" data-testid="compare-handmade" data-count={ARTICLE_FILTERS.length}>
          {ARTICLE_FILTERS.map((f, i) => (
            <KernelCard
              key={f.id}
              caption={t(`filters.name.${f.id}`)}
              kernel={f.kernel}
              domain={HANDMADE_DOMAIN}
              decimals={0}
              testId={`compare-handmade-${i}`}
            />
          ))}
        </div>
        <p className="filter-compare__note">{t('filters.misprint')}</p>
      </div>
      <div className="filter-compare__group">
        <div className="filter-compare__heading">
          <h3>{first ? t('filters.learned', { count: learned.length, layer: first.name }) : t('filters.learnedLoading')}</h3>
          {first && <ColourLegend scale={COLOUR_SCALES.diverging} domain={learnedDomain} title={t('filters.weight')} format={fmt} />}
        </div>
        <div className="filter-compare__cards" data-testid="compare-learned" data-count={learned.length}>
          {learned.map((k, i) => (
            <KernelCard key={i} caption={t('filters.kernel', { n: i + 1 })} kernel={k} domain={learnedDomain} decimals={2} testId={`compare-learned-${i}`} />
          ))}
        </div>
        <p className="filter-compare__note">{t('filters.reading', { scale: fmt(EDGE_FILTER_SCALE) })}</p>
      </div>
    </section>
  );
}
