/**
 * Writes e2e/data/strokes.json: scripted mouse strokes for every digit in four variants
 * (plain, small in a corner, slanted, large and off-centre), replayed on the drawing pad by
 * the browser tests. Each digit is a hand-placed skeleton in a unit box (x right, y down),
 * smoothed with a Catmull-Rom spline, then placed on the pad (coordinates are fractions of
 * the pad's side).
 * Usage: tsx scripts/make-strokes.ts
 */
import { writeFileSync } from 'node:fs';

type Pt = [number, number];

const SKELETONS: Record<number, Pt[][]> = {
  0: [
    [
      [0.5, 0],
      [0.2, 0.12],
      [0.05, 0.5],
      [0.2, 0.88],
      [0.5, 1],
      [0.8, 0.88],
      [0.95, 0.5],
      [0.8, 0.12],
      [0.5, 0],
      [0.35, 0.05],
    ],
  ],
  1: [
    [
      [0.3, 0.18],
      [0.58, 0],
      [0.58, 1],
    ],
  ],
  2: [
    [
      [0.08, 0.22],
      [0.3, 0.03],
      [0.6, 0],
      [0.85, 0.15],
      [0.85, 0.38],
      [0.55, 0.66],
      [0.05, 1],
      [0.95, 0.98],
    ],
  ],
  3: [
    [
      [0.1, 0.1],
      [0.45, 0],
      [0.8, 0.1],
      [0.82, 0.3],
      [0.42, 0.47],
      [0.82, 0.6],
      [0.88, 0.82],
      [0.55, 1],
      [0.08, 0.9],
    ],
  ],
  4: [
    [
      [0.62, 0],
      [0.05, 0.66],
      [0.98, 0.66],
    ],
    [
      [0.72, 0.3],
      [0.72, 1],
    ],
  ],
  5: [
    [
      [0.9, 0.02],
      [0.22, 0.02],
      [0.16, 0.45],
      [0.5, 0.36],
      [0.84, 0.5],
      [0.86, 0.78],
      [0.55, 0.98],
      [0.1, 0.9],
    ],
  ],
  6: [
    [
      [0.78, 0.02],
      [0.42, 0.18],
      [0.16, 0.52],
      [0.18, 0.86],
      [0.48, 1],
      [0.8, 0.86],
      [0.82, 0.62],
      [0.5, 0.5],
      [0.18, 0.64],
    ],
  ],
  7: [
    [
      [0.04, 0.02],
      [0.96, 0.02],
      [0.62, 0.45],
      [0.38, 1],
    ],
  ],
  8: [
    [
      [0.5, 0.48],
      [0.2, 0.3],
      [0.24, 0.07],
      [0.5, 0],
      [0.76, 0.07],
      [0.8, 0.3],
      [0.5, 0.48],
      [0.16, 0.7],
      [0.22, 0.93],
      [0.5, 1],
      [0.78, 0.93],
      [0.84, 0.7],
      [0.5, 0.48],
    ],
  ],
  9: [
    [
      [0.82, 0.3],
      [0.55, 0.48],
      [0.22, 0.42],
      [0.16, 0.18],
      [0.45, 0],
      [0.78, 0.08],
      [0.82, 0.3],
      [0.78, 0.7],
      [0.62, 1],
    ],
  ],
};

/** Catmull-Rom through the skeleton, `per` points per segment. */
function smooth(points: Pt[], per = 3): Pt[] {
  if (points.length < 3) return points;
  const out: Pt[] = [];
  const at = (i: number) => points[Math.max(0, Math.min(points.length - 1, i))];
  for (let i = 0; i < points.length - 1; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    for (let k = 0; k < per; k++) {
      const t = k / per;
      const t2 = t * t;
      const t3 = t2 * t;
      const f = (a: number, b: number, c: number, d: number) => 0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  out.push(points[points.length - 1]);
  return out;
}

interface Variant {
  name: string;
  /** Top-left corner and size of the digit's box on the pad. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Horizontal shear: x += shear * (0.5 - v) * h, so the top leans right. */
  shear: number;
}

const VARIANTS: Variant[] = [
  { name: 'plain', x: 0.28, y: 0.15, w: 0.44, h: 0.7, shear: 0 },
  { name: 'small-corner', x: 0.07, y: 0.07, w: 0.17, h: 0.27, shear: 0 },
  { name: 'slanted', x: 0.28, y: 0.15, w: 0.42, h: 0.7, shear: 0.35 },
  { name: 'large-off-centre', x: 0.36, y: 0.05, w: 0.58, h: 0.9, shear: 0 },
];

const round = (v: number) => Math.round(v * 1000) / 1000;
const cases = [];
for (let digit = 0; digit <= 9; digit++) {
  for (const v of VARIANTS) {
    const strokes = SKELETONS[digit].map((stroke) =>
      smooth(stroke).map(([u, w]): Pt => [round(v.x + u * v.w + v.shear * (0.5 - w) * v.h), round(v.y + w * v.h)]),
    );
    cases.push({ digit, variant: v.name, strokes });
  }
}
const out = new URL('../e2e/data/strokes.json', import.meta.url);
const lines = cases.map((c) => `  ${JSON.stringify(c)}`).join(',\n');
writeFileSync(out, `{\n "description": "Scripted mouse strokes, fractions of the drawing pad (x right, y down).",\n "cases": [\n${lines}\n ]\n}\n`);
console.log(`wrote ${cases.length} cases to ${out.pathname}`);
