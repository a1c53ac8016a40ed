import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileName } from '../../render/exportLayout';
import '../../styles/export.css';

/** Output pixels per CSS pixel of the picture: sharp on a slide, each tile still a crisp square. */
const SCALE = 2;

/** Downloads the overview as it is on screen (its pictures, outlines and labels) as one PNG. */
export function OverviewExportButton({ target }: { target: () => HTMLElement | null }) {
  const { t } = useTranslation('overview');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const el = target();
    if (!el) return;
    setError(null);
    try {
      // The exporters load with the first download, not with the page.
      const [{ canvasToPng, saveBlob }, { snapshotPanel }] = await Promise.all([import('../../render/exportImage'), import('../../render/snapshot')]);
      saveBlob(await canvasToPng(await snapshotPanel(el, SCALE)), fileName(['network', 'overview'], 'png'));
    } catch (e) {
      setError(t('exportFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <span className="network-overview__export">
      <button type="button" className="export-button" data-testid="overview-export-png" aria-label={t('exportLabel')} onClick={() => void save()}>
        <span aria-hidden="true">⤓ </span>
        {t('export')}
      </button>
      {error && (
        <span className="export-figure__message" role="status">
          {error}
        </span>
      )}
    </span>
  );
}
