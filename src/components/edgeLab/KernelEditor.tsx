import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createGrid, type Grid } from '../../core/grid';
import { ARTICLE_FILTERS, CLASSIC_FILTERS } from '../../core/filters';

export interface KernelEditorProps {
  readonly slot: number;
  readonly kernel: Grid;
  readonly presetId: string | null;
  /** Called with this editor's `slot`, so one stable function can serve every editor. */
  readonly onChange: (slot: number, kernel: Grid, presetId: string | null) => void;
}

const ALL_PRESETS = [...ARTICLE_FILTERS, ...CLASSIC_FILTERS];

/** An editable 3x3 kernel with a preset menu. */
export const KernelEditor = memo(function KernelEditor({ slot, kernel, presetId, onChange }: KernelEditorProps) {
  const { t } = useTranslation('edgeLab');
  const setCell = (i: number, text: string) => {
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v)) return;
    const data = Float32Array.from(kernel.data);
    data[i] = Math.max(-99, Math.min(99, v));
    onChange(slot, createGrid(kernel.height, kernel.width, data), null);
  };
  return (
    <div className="kernel-editor">
      <select
        aria-label={t('kernel.preset', { n: slot + 1 })}
        data-testid={`kernel-preset-${slot}`}
        value={presetId ?? 'custom'}
        onChange={(e) => {
          const p = ALL_PRESETS.find((f) => f.id === e.target.value);
          if (p) onChange(slot, p.kernel, p.id);
        }}
      >
        <optgroup label={t('kernel.articleGroup')}>
          {ARTICLE_FILTERS.map((f) => (
            <option key={f.id} value={f.id}>
              {t(`kernel.name.${f.id}`)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('kernel.classicGroup')}>
          {CLASSIC_FILTERS.map((f) => (
            <option key={f.id} value={f.id}>
              {t(`kernel.name.${f.id}`)}
            </option>
          ))}
        </optgroup>
        {presetId === null && <option value="custom">{t('kernel.custom')}</option>}
      </select>
      <div
        className="kernel-editor__grid"
        style={{ gridTemplateColumns: `repeat(${kernel.width}, 1fr)` }}
        role="group"
        aria-label={t('kernel.weights', { n: slot + 1 })}
      >
        {Array.from(kernel.data, (w, i) => (
          <WeightInput
            key={i}
            value={w}
            label={t('kernel.weight', { n: slot + 1, row: Math.floor(i / kernel.width) + 1, col: (i % kernel.width) + 1 })}
            testId={`kernel-${slot}-${i}`}
            onCommit={(text) => setCell(i, text)}
          />
        ))}
      </div>
    </div>
  );
});

/** One weight: keeps the text being typed (e.g. "-" or "1.") until it is a number. */
function WeightInput({ value, label, testId, onCommit }: { value: number; label: string; testId: string; onCommit: (text: string) => void }) {
  const [text, setText] = useState(String(Number(value.toFixed(3))));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (Number(text) !== value) setText(String(Number(value.toFixed(3))));
  }
  return (
    <input
      className={value > 0 ? 'weight weight--pos' : value < 0 ? 'weight weight--neg' : 'weight'}
      type="text"
      inputMode="decimal"
      value={text}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => {
        setText(e.target.value);
        onCommit(e.target.value);
      }}
    />
  );
}
