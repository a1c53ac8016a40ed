import { useMemo } from 'react';
import { MNIST_SIDE, createGrid, type Image28 } from '../../core/grid';
import { toMnistDigit } from '../../core/preprocess';
import type { MnistData } from '../../data/mnistFormat';
import { digitImage, sampleIndex } from '../../data/split';
import { rasteriseStrokes } from '../../render/strokes';
import type { InputSource } from '../../state/labState';

/** An all-black 28x28 image: what an empty pad gives. */
export const BLANK_IMAGE: Image28 = createGrid(MNIST_SIDE, MNIST_SIDE);

/**
 * The one place where any input source becomes an Image28. Null while a sample's data is
 * still loading. An empty drawing gives BLANK_IMAGE.
 */
export function useInputImage(source: InputSource, data: MnistData | null): Image28 | null {
  return useMemo(() => {
    switch (source.kind) {
      case 'sample': {
        if (!data) return null;
        const i = sampleIndex(data, source.id);
        return i < 0 ? null : digitImage(data, i);
      }
      case 'upload':
        return source.image;
      case 'drawing':
        return source.strokes.length === 0 ? BLANK_IMAGE : (toMnistDigit(rasteriseStrokes(source.strokes)) ?? BLANK_IMAGE);
    }
  }, [source, data]);
}
