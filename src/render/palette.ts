import { color, interpolateCividis, interpolatePuOr } from 'd3';

/**
 * Colour scales of ConvLens, all safe for colour-blind readers: grey for images, purple /
 * orange (diverging, PuOr) for signed responses, cividis for non-negative activations, and
 * amber on near-black for "fires / does not fire".
 * Each is a 256-entry RGBA lookup table built once; painters index it per cell.
 */
export type ColourScaleName = 'grey' | 'diverging' | 'sequential' | 'binary';

export interface ColourScale {
  readonly name: ColourScaleName;
  /** 256 x RGBA. */
  readonly lut: Uint8ClampedArray;
  /** CSS colour for a position t in 0..1 (for legends). */
  readonly css: (t: number) => string;
}

const FIRE = [255, 176, 0];
const DARK = [24, 24, 32];

function buildLut(css: (t: number) => string): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) {
    const c = color(css(i / 255))?.rgb();
    lut.set([c?.r ?? 0, c?.g ?? 0, c?.b ?? 0, 255], i * 4);
  }
  return lut;
}

function mix(a: number[], b: number[], t: number): string {
  const ch = (k: number) => Math.round(a[k] + (b[k] - a[k]) * t);
  return `rgb(${ch(0)},${ch(1)},${ch(2)})`;
}

function makeScale(name: ColourScaleName, css: (t: number) => string): ColourScale {
  return { name, lut: buildLut(css), css };
}

export const COLOUR_SCALES: Record<ColourScaleName, ColourScale> = {
  grey: makeScale('grey', (t) => mix([0, 0, 0], [255, 255, 255], t)),
  // d3's PuOr runs from purple (t = 0) to orange (t = 1): negative responses are purple and
  // positive ones orange, the colour of a cell that fires.
  diverging: makeScale('diverging', (t) => interpolatePuOr(t)),
  sequential: makeScale('sequential', (t) => interpolateCividis(t)),
  binary: makeScale('binary', (t) => mix(DARK, FIRE, t)),
};

/** Visual constants shared by the views. */
export const VIEW = {
  /** CSS pixels the input map is drawn at (its side), padding included. */
  inputSide: 224,
  /** CSS pixels a feature map is drawn at (its side), whatever its resolution. */
  mapSide: 140,
  /** Outline of the cells a kernel or a window is on. */
  highlight: '#00b3ff',
  /** The cell a max- or min-pooling window chose. */
  chosen: '#ff2d55',
  /** Dashed outline of the image inside its zero padding. */
  padding: '#9aa0a6',
  /** Lines between pooling windows, drawn over a map. */
  windowLines: '#ffffff',
  /** A step-by-step output cell not computed yet. */
  unfilled: '#eef0f4',
} as const;

/** A digit as MNIST draws it: white ink on black paper (the pad, and strokes turned into ink). */
export const DIGIT = {
  ink: '#fff',
  paper: '#000',
} as const;

/** Colours of the charts and of exported pictures, by role. */
export const CHART = {
  /** Text on the light background. */
  text: '#1b1d22',
  /** Secondary text: an empty chart's message, an export's subtitle. */
  muted: '#5b6270',
  /** Background of exported pictures and snapshots. */
  background: '#fff',
  /** A zero line or a baseline. */
  axis: '#9aa0a6',
  /** Grid lines behind curves. */
  grid: '#e3e6ea',
  /** Fainter grid lines, where the zero line must stand out. */
  gridFaint: '#eceef2',
  /** Outline of a colour legend's bar. */
  legendOutline: '#888',
  /** Softmax bars: the top class, its percentage, the other classes. */
  topBar: '#e08600',
  topBarText: '#8a4b00',
  bar: '#8d99ae',
  /** An activation function and its slope. */
  function: '#0b63c5',
  derivative: '#d1495b',
  /** Training curves: on the training digits, on held-out digits, the previous run's held-out curve. */
  training: '#5b8def',
  heldOut: '#e08600',
  previousRun: '#b9a27a',
  /** The training replay's place on the loss curve. */
  marker: '#1b1d22',
  /** Confusion matrix: right answers, mistakes, an empty cell, the selected cell's outline, a count on a dark cell. */
  right: '#1f6fb2',
  wrong: '#d9480f',
  emptyCell: '#f1f3f5',
  selected: '#111',
  textOnDark: '#fff',
} as const;

/**
 * One colour a digit class (0-9) for the map of all digits: the Okabe-Ito colours, safe for
 * colour-blind readers, with its yellow darkened to show on white, plus grey and wine. Never
 * alone: each class also has its own marker shape ({@link DIGIT_CLASS_SHAPES}).
 */
export const DIGIT_CLASS_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9', '#000000', '#a89200', '#7f7f7f', '#882255'] as const;

/** The marker shape of each digit class, by d3 symbol name: seven filled, three drawn as strokes. */
export const DIGIT_CLASS_SHAPES = ['circle', 'cross', 'diamond', 'square', 'star', 'triangle', 'wye', 'plus', 'times', 'asterisk'] as const;
