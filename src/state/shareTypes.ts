/**
 * The shape of a shared view (./shareState.ts): its type, its defaults and the limits the
 * link schema (./shareFields.ts) checks values against.
 */
import type { InputScale } from '../core/inputScale';
import type { MapLayerId } from '../model/digitMap/mapLayers';
import { DEFAULT_SPEC, type ModelSpec } from '../model/spec';
import type { Language } from '../i18n/languages';
import { INITIAL_LAB_STATE, type LabState } from './labState';
import type { ShareProblemReason } from './shareValues';

/** The views of the app, in tab order. */
export const TAB_IDS = ['filters', 'network', 'training', 'lessons', 'learned'] as const;
export type TabId = (typeof TAB_IDS)[number];

/** Everything a link carries: the edge-filter lab, the network design, and the view. */
export interface ShareState extends LabState {
  readonly spec: ModelSpec;
  readonly tab: TabId;
  /** The language the view is in; null when the link does not say (the browser decides). */
  readonly lang: Language | null;
  /** Step of a lesson, 0 when none. */
  readonly step: number;
  readonly presenter: boolean;
  /** The class the attribution maps explain (0-9); null for the class the network predicts. */
  readonly attributionClass: number | null;
  /** The convolution layer whose filter "What it learned" shows (conv1..conv4); null for the first. */
  readonly filterLayer: string | null;
  /** Its channel, 0-based (the link holds it 1-based, as the page shows it). */
  readonly filterChannel: number;
  /** The layer the map of all digits is made from. */
  readonly mapLayer: MapLayerId;
  /** Fooling the network: its epsilon, method and target class. */
  readonly fooling: FoolingView;
}

/** The fooling panel's settings: epsilon in [0, {@link MAX_FOOLING_EPSILON}] (steps of 0.01), the method, the target class (null: the class after the predicted one). */
export interface FoolingView {
  readonly epsilon: number;
  readonly method: 'fgsm' | 'targeted';
  readonly target: number | null;
}

export const MAX_FOOLING_EPSILON = 0.5;
export const DEFAULT_FOOLING: FoolingView = Object.freeze({ epsilon: 0.1, method: 'fgsm', target: null });

export const DEFAULT_SHARE_STATE: ShareState = Object.freeze({
  ...INITIAL_LAB_STATE,
  spec: DEFAULT_SPEC,
  tab: 'filters',
  lang: null,
  step: 0,
  presenter: false,
  attributionClass: null,
  filterLayer: null,
  filterChannel: 0,
  mapLayer: 'pixels',
  fooling: DEFAULT_FOOLING,
});

export interface ShareProblem {
  /** The key as given in the link (unknown keys are cut to {@link MAX_KEY_SHOWN} characters). */
  readonly key: string;
  readonly reason: ShareProblemReason;
}

export interface DecodedShareState {
  readonly state: ShareState;
  readonly problems: readonly ShareProblem[];
}

/** Longest unknown key quoted back in a problem. */
export const MAX_KEY_SHOWN = 24;
/** At most this many problems are reported (a link with thousands of junk keys stays readable). */
export const MAX_PROBLEMS = 20;
/** Keys beyond this many are not looked at. */
export const MAX_PARAMS = 200;

/** Largest threshold magnitude for each input scale (the slider's range, see RuleControls). */
export const THRESHOLD_LIMITS: Record<InputScale['kind'], { min: number; max: number; step: number }> = {
  grey255: { min: -255, max: 1020, step: 1 },
  grey01: { min: -6, max: 6, step: 0.5 },
  binary: { min: -6, max: 6, step: 0.5 },
};

/** Largest index within a class any MNIST asset could have; the loaded data narrows it. */
export const MAX_SAMPLE_INDEX = 9999;
/** Largest magnitude of a kernel weight (the kernel editor's limit). */
export const MAX_WEIGHT = 99;
