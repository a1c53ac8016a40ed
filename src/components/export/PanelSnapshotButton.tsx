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
}

/** One PNG of the panel on show, its maps, charts and labels, sized for a slide. */
export function PanelSnapshotButton({ panel, view }: PanelSnapshotButtonProps) {
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
      const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, SLIDE_WIDTH / Math.max(1, width)));
      saveBlob(await canvasToPng(await snapshotPanel(el, scale)), fileName([view, 'view'], 'png'));
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
        data-testid="export-panel"
        aria-label={t('snapshotLabel')}
        aria-busy={busy}
        disabled={busy}
        onClick={() => void snap()}
      >
        <span aria-hidden="true">⤓ </span>
        {t('snapshot')}
      </button>
      {error && (
        <span className="export-figure__message" role="status">
          {error}
        </span>
      )}
    </span>
  );
}
