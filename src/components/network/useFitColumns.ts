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
 * The channels per row that fit the width of the element in `ref`'s parent (the space the
 * layer has), following it as it resizes (a ResizeObserver); re-renders only when the count
 * changes.
 */
export function useFitColumns(ref: RefObject<HTMLElement | null>, mapWidth: number, gap: number, cellPx: number, channels: number): number {
  const [available, setAvailable] = useState(0);
  useEffect(() => {
    const parent = ref.current?.parentElement;
    if (!parent || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => setAvailable(entries[entries.length - 1].contentRect.width));
    observer.observe(parent);
    return () => observer.disconnect();
  }, [ref]);
  return fitColumns(available, mapWidth, gap, cellPx, channels);
}
