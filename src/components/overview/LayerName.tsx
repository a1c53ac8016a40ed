import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

/** A layer's name that may wrap after each underscore ("conv1_" / "relu") in a narrow column. */
export function LayerName({ name }: { name: string }) {
  const parts = name.split('_');
  return (
    <span>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {i > 0 ? `_${part}` : part}
        </Fragment>
      ))}
    </span>
  );
}

/** The layer's name at the head of its column, as a button that opens the layer in detail. */
export function ColumnName({ name, onOpen }: { name: string; onOpen: (layer: string) => void }) {
  const { t } = useTranslation('overview');
  return (
    <button
      type="button"
      className="overview-col__name"
      title={t('open', { layer: name })}
      aria-label={t('open', { layer: name })}
      onClick={() => onOpen(name)}
    >
      <LayerName name={name} />
    </button>
  );
}
