import { VIEW } from '../../render/palette';

export interface PoolWindowOverlayProps {
  readonly height: number;
  readonly width: number;
  /** Window side and step (square windows, stride = size). */
  readonly size: number;
  /** Row-major input index chosen by each window (-1: none), as from poolChoices. */
  readonly chosen: Int32Array | null;
  /** The window to highlight, in pooled coordinates. */
  readonly active: { row: number; col: number } | null;
}

/** SVG on top of a feature map: every pooling window outlined, each chosen cell marked. */
export function PoolWindowOverlay({ height, width, size, chosen, active }: PoolWindowOverlayProps) {
  const lines: string[] = [];
  for (let r = size; r < height; r += size) lines.push(`M0 ${r}H${width}`);
  for (let c = size; c < width; c += size) lines.push(`M${c} 0V${height}`);
  return (
    <svg className="pool-overlay" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
      <path d={lines.join('')} stroke={VIEW.windowLines} strokeOpacity={0.45} strokeWidth={0.08} fill="none" />
      {chosen &&
        Array.from(chosen, (index, i) =>
          index < 0 ? null : (
            <rect
              key={i}
              x={(index % width) + 0.1}
              y={Math.floor(index / width) + 0.1}
              width={0.8}
              height={0.8}
              fill="none"
              stroke={VIEW.chosen}
              strokeWidth={0.12}
            />
          ),
        )}
      {active && <rect x={active.col * size} y={active.row * size} width={size} height={size} fill="none" stroke={VIEW.highlight} strokeWidth={0.3} />}
    </svg>
  );
}
