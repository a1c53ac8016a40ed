export interface ChannelSelectProps {
  /** The field's label, e.g. "Channel". */
  readonly label: string;
  /** How many channels to offer; shown 1-based, chosen 0-based. */
  readonly channels: number;
  readonly value: number;
  readonly onChange: (channel: number) => void;
  readonly testId: string;
}

/** A labelled choice of one channel of a layer (channel 1 is index 0). */
export function ChannelSelect({ label, channels, value, onChange, testId }: ChannelSelectProps) {
  return (
    <label className="teach-field">
      {label}{' '}
      <select data-testid={testId} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {Array.from({ length: channels }, (_, i) => (
          <option key={i} value={i}>
            {i + 1}
          </option>
        ))}
      </select>
    </label>
  );
}
