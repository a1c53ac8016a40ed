import type { Image28 } from '../../core/grid';
import { checkUpload, type UploadProblemCode } from '../../core/imageSniff';
import { rgbaToInk } from '../../core/ink';
import { toMnistDigit } from '../../core/preprocess';

/** Longest side an upload is scaled to before its ink is measured. */
const WORK_SIDE = 280;

/** Why a file could not be used: the checks of the header, or a failure while decoding it. */
export type ReadProblemCode = UploadProblemCode | 'unreadable' | 'undecodable' | 'noCanvas' | 'blank';

export type ReadImageResult =
  { ok: true; image: Image28; inverted: boolean } | { ok: false; message: string; code: ReadProblemCode; params: Readonly<Record<string, string | number>> };

const MIME = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' } as const;

/**
 * Turns an uploaded file into an MNIST-style digit: checks its magic bytes and its header's
 * dimensions BEFORE decoding anything, decodes at a reduced size, composites transparency,
 * inverts dark-on-light, and applies the same preprocessing as drawings.
 */
export async function readImageFile(file: File): Promise<ReadImageResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, message: 'This file could not be read.', code: 'unreadable', params: {} };
  }
  const checked = checkUpload(bytes);
  if (!checked.ok) return checked;
  const scale = Math.min(1, WORK_SIDE / Math.max(checked.width, checked.height));
  const width = Math.max(1, Math.round(checked.width * scale));
  const height = Math.max(1, Math.round(checked.height * scale));
  let bitmap: ImageBitmap;
  try {
    const blob = new Blob([bytes as BlobPart], { type: MIME[checked.format] });
    bitmap = await createImageBitmap(blob, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
  } catch {
    const format = checked.format.toUpperCase();
    return { ok: false, message: `This ${format} file is damaged and could not be decoded.`, code: 'undecodable', params: { format } };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return { ok: false, message: 'This browser cannot read images on a canvas.', code: 'noCanvas', params: {} };
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { ink, inverted } = rgbaToInk(ctx.getImageData(0, 0, width, height).data, width, height);
  const image = toMnistDigit(ink);
  if (!image) return { ok: false, message: 'No digit was found in this image: it looks blank.', code: 'blank', params: {} };
  return { ok: true, image, inverted };
}
