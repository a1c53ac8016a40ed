/**
 * The shareable view: one typed schema for everything a link carries, with a codec and a
 * default per key. `encodeShareState` writes only what differs from the defaults (plus the
 * language); `decodeShareState` checks every key on its own, so one bad value resets that
 * setting alone and is reported, and the page never breaks on a tampered link.
 *
 * Keys (all optional):
 *   s     MNIST sample `<digit>.<index>`             d     a drawing (see strokeCodec)
 *   f1-f4 filter N: a preset id or 9 weights `a_b_…`  in    input scale g255 | g01 | b<cutoff>
 *   cmp   comparator gt | ge                          th    threshold
 *   st    stride 1-3     pad  zero padding 0-3        pk    pooling max | avg | min
 *   pe    pooling edge valid | same                   arch  the trainable network (see below)
 *   tab   filters | network | training | lessons           lang  en | zh-CN
 *   step  lesson step (integer >= 0)                  pm    presenter mode, 1
 * An uploaded picture never goes into a link: its state encodes as the default input.
 */
import type { LabState } from './labState';
import { FIELDS } from './shareFields';
import { DEFAULT_SHARE_STATE, MAX_KEY_SHOWN, MAX_PARAMS, MAX_PROBLEMS, type DecodedShareState, type ShareProblem, type ShareState } from './shareTypes';
import { isReason, type ShareProblemReason } from './shareValues';

export { formatFloat32, type ShareProblemReason } from './shareValues';
export { readSpec, writeSpec } from './specCodec';
export {
  DEFAULT_SHARE_STATE,
  MAX_KEY_SHOWN,
  MAX_PROBLEMS,
  TAB_IDS,
  THRESHOLD_LIMITS,
  type DecodedShareState,
  type ShareProblem,
  type ShareState,
  type TabId,
} from './shareTypes';

/** Every key the schema knows, in link order. */
export const SHARE_KEYS: readonly string[] = FIELDS.map((f) => f.key);

/** A link's query for a state: only non-default settings (and the language), in schema order. */
export function encodeShareState(state: ShareState): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = field.write(state);
    if (value !== null) params.set(field.key, value);
  }
  return params;
}

/**
 * The state a link describes. Each key is checked on its own: a missing key keeps its
 * default; a bad one (unknown, repeated, too long, wrong type, out of range) keeps its default
 * and is listed in `problems`. Never throws.
 */
export function decodeShareState(params: URLSearchParams): DecodedShareState {
  let state: ShareState = DEFAULT_SHARE_STATE;
  const problems: ShareProblem[] = [];
  const applied = new Set<string>();
  const report = (key: string, reason: ShareProblemReason) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ key, reason });
  };

  const given = new Map<string, string[]>();
  let seen = 0;
  for (const [key, value] of params) {
    if (++seen > MAX_PARAMS) break;
    const values = given.get(key);
    if (values) values.push(value);
    else given.set(key, [value]);
  }

  for (const key of given.keys()) {
    if (!SHARE_KEYS.includes(key)) report(key.length > MAX_KEY_SHOWN ? `${key.slice(0, MAX_KEY_SHOWN)}…` : key, 'unknown-key');
  }
  for (const field of FIELDS) {
    const values = given.get(field.key);
    if (!values) continue;
    if (values.length > 1) {
      report(field.key, 'repeated');
      continue;
    }
    const raw = values[0];
    if (raw.length > field.maxLength) {
      report(field.key, 'too-long');
      continue;
    }
    if (field.key === 'd' && applied.has('s')) {
      // A link names either a sample or a drawing; with both, the sample wins.
      report('d', 'conflict');
      continue;
    }
    const next = field.read(raw, state);
    if (isReason(next)) report(field.key, next);
    else {
      state = next;
      applied.add(field.key);
    }
  }
  return { state, problems };
}

/**
 * The problem with a link's sample once the MNIST data is known: null when the class has a
 * digit at that index, else a `missing-sample` problem for key `s`.
 */
export function sampleProblem(state: LabState, classCount: ArrayLike<number>): ShareProblem | null {
  if (state.source.kind !== 'sample') return null;
  const { digit, index } = state.source.id;
  return index < (classCount[digit] ?? 0) ? null : { key: 's', reason: 'missing-sample' };
}

/** The parts of a shared state the edge-filter lab keeps. */
export function labStateOf(state: ShareState): LabState {
  const { source, filters, rule, conv, pool } = state;
  return { source, filters, rule, conv, pool };
}

/** Whether a link to this state leaves something out (an uploaded picture is never shared). */
export function linkOmitsInput(state: LabState): boolean {
  return state.source.kind === 'upload';
}
