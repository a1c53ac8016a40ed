import { Fragment } from 'react';

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
