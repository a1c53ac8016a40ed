/** The ten classes, 0 to 9. */
export const DIGITS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

export interface DigitSelectProps {
  /** The label text before the menu. */
  readonly label: string;
  /** The text of the empty choice ("choose…"). */
  readonly placeholder: string;
  readonly value: number | null;
  readonly onChange: (digit: number | null) => void;
  readonly testId: string;
  readonly disabled?: boolean;
}

/** A labelled menu of the digits 0-9 with an empty first choice (a digit's true label). */
export function DigitSelect({ label, placeholder, value, onChange, testId, disabled }: DigitSelectProps) {
  return (
    <label>
      {label}{' '}
      <select data-testid={testId} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">{placeholder}</option>
        {DIGITS.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </label>
  );
}
