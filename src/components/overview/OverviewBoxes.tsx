import { memo } from 'react';

/** An outline over a column's pictures, in CSS pixels from the pictures' top-left corner. */
export interface OverviewBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly colour: string;
  /** What the box marks: `chosen` (the traced cell), `dep` (a cell it reads), `rf` (its receptive field). */
  readonly role: 'chosen' | 'dep' | 'rf';
  /** How many cells the box stands for (rows read x columns read). */
  readonly cells: number;
}

/** The outlines of one column, drawn over its canvas (they take no pointer events). */
export const OverviewBoxes = memo(function OverviewBoxes({ boxes }: { boxes: readonly OverviewBox[] }) {
  return (
    <>
      {boxes.map((b, i) => (
        <div
          key={i}
          className={`overview-box overview-box--${b.role}`}
          data-testid={`overview-${b.role}`}
          data-cells={b.cells}
          style={{ left: b.left, top: b.top, width: b.width, height: b.height, borderColor: b.colour }}
        />
      ))}
    </>
  );
});
