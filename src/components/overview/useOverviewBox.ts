import { useLayoutEffect, useState, type RefObject } from 'react';

/** Room under the pictures for the shape and "+N more" lines and a margin, in root ems (presenter mode's type is larger). */
const BELOW_EM = 3.6;
/** The pictures' height stays in this range whatever the window. */
const MIN_HEIGHT = 150;
const MAX_HEIGHT = 460;
/** Narrower than this, the overview keeps this width and scrolls sideways (a phone). */
export const MIN_FIT_WIDTH = 720;

/**
 * The width and height the overview's pictures may fill: the width of the element in `root`
 * (at least MIN_FIT_WIDTH) and the height from the top of its pictures (`tiles`, found inside
 * it) to the bottom of the window when the page is scrolled to the top, so the whole network
 * is on the first screen (half the window when the pictures start below its middle). Follows resizes of the element and of the window.
 */
export function useOverviewBox(root: RefObject<HTMLElement | null>, tilesSelector: string): { width: number; height: number } {
  const [box, setBox] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = root.current;
    if (!element) return;
    const measure = () => {
      const tiles = element.querySelector(tilesSelector) ?? element;
      const top = tiles.getBoundingClientRect().top + window.scrollY;
      const below = BELOW_EM * (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16) + 4;
      // Far down a narrow page (a phone) the overview cannot be on the first screen: it gets half the window.
      const room = top > window.innerHeight / 2 ? window.innerHeight / 2 : window.innerHeight - top - below;
      const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, room)));
      const width = Math.floor(Math.max(MIN_FIT_WIDTH, element.clientWidth));
      setBox((old) => (old.width === width && old.height === height ? old : { width, height }));
    };
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [root, tilesSelector]);
  return box;
}
