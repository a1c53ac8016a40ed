import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileName } from '../../render/exportLayout';
import '../../styles/export.css';

/** Widest a snapshot gets in output pixels (a 1080p slide), and the sharpness range. */
const SLIDE_WIDTH = 1920;
const MIN_SCALE = 1.5;
const MAX_SCALE = 3;

export interface PanelSnapshotButtonProps {
  /** Finds the panel on show when the button is pressed (the current tab's panel). */
  readonly panel: () => HTMLElement | null;
  /** Names the view in the file name, e.g. "filters" -> convlens-filters-view.png. */
  readonly view: string;
  /** The file name's parts instead of `[view, "view"]`, e.g. ["network", "overview"]. */
  readonly fileParts?: readonly string[];
  /** Output pixels per CSS pixel; sized for a 1080p slide when absent. */
  readonly scale?: number;
  readonly testId?: string;
  /** The button's text and accessible name, when not the whole-view snapshot's. */
  readonly text?: string;
  readonly label?: string;
}

/** One PNG of a panel, its maps, charts and labels, sized for a slide (or at a fixed scale). */
export function PanelSnapshotButton({ panel, view, fileParts, scale: fixedScale, testId = 'export-panel', text, label }: PanelSnapshotButtonProps) {
  const { t } = useTranslation('export');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const snap = async () => {
    const el = panel();
    if (!el) return;
    setBusy(true);
    setError(null);
    try {
      // The snapshot code loads with the first snapshot, not with the page.
      const [{ canvasToPng, saveBlob }, { snapshotPanel }] = await Promise.all([import('../../render/exportImage'), import('../../render/snapshot')]);
      const width = el.getBoundingClientRect().width;
      const scale = fixedScale ?? Math.min(MAX_SCALE, Math.max(MIN_SCALE, SLIDE_WIDTH / Math.max(1, width)));
      saveBlob(await canvasToPng(await snapshotPanel(el, scale)), fileName(fileParts ?? [view, 'view'], 'png'));
    } catch (e) {
      setError(t('failed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="panel-snapshot">
      <button
        type="button"
        className="export-button"
        data-testid={testId}
        aria-label={label ?? t('snapshotLabel')}
        aria-busy={busy}
        disabled={busy}
        onClick={() => void snap()}
      >
        <span aria-hidden="true">⤓ </span>
        {text ?? t('snapshot')}
      </button>
      {error && (
        <span className="export-figure__message" role="status">
          {error}
        </span>
      )}
    </span>
  );
}
