import { useEffect, useState, type RefObject } from 'react';

/** Channels in a row before the available width is known (and where it cannot be measured). */
export const DEFAULT_COLUMNS = 8;

/**
 * How many channels of `mapWidth` cells (`gap` blank cells between two), each cell `cellPx` CSS
 * pixels wide, fit side by side in `available` CSS pixels: at least one, at most `channels`.
 */
export function fitColumns(available: number, mapWidth: number, gap: number, cellPx: number, channels: number): number {
  if (!(available > 0)) return Math.min(DEFAULT_COLUMNS, channels);
  const fit = Math.floor((available / cellPx + gap) / (mapWidth + gap));
  return Math.max(1, Math.min(channels, fit));
}

/**
 * The channels per row that fit the width of `space(element)` (the element in `ref`), following
 * it as it resizes (a ResizeObserver). `space` must not take its width from its content (a
 * shrink-to-fit box would keep whatever count came first). Re-renders only when the count
 * changes.
 */
export function useFitColumns(
  ref: RefObject<HTMLElement | null>,
  space: (element: HTMLElement) => Element | null,
  mapWidth: number,
  gap: number,
  cellPx: number,
  channels: number,
): number {
  const [columns, setColumns] = useState(() => fitColumns(0, mapWidth, gap, cellPx, channels));
  useEffect(() => {
    const element = ref.current;
    const target = element && space(element);
    if (!target || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => setColumns(fitColumns(entries[entries.length - 1].contentRect.width, mapWidth, gap, cellPx, channels)));
    observer.observe(target);
    return () => observer.disconnect();
  }, [ref, space, mapWidth, gap, cellPx, channels]);
  return Math.min(columns, channels);
}
