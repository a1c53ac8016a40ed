import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Image28 } from '../../core/grid';
import type { ReadProblemCode } from './readImageFile';

/** A refused upload: the file's name and why (translated where it is shown). */
export interface UploadError {
  readonly name: string;
  readonly code: ReadProblemCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** "Upload an image" button: the file goes through the same preprocessing as a drawing. */
export function UploadButton({ onImage, onError }: { onImage: (name: string, image: Image28) => void; onError: (error: UploadError) => void }) {
  const { t } = useTranslation('input');
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button type="button" data-testid="upload-button" disabled={busy} onClick={() => inputRef.current?.click()}>
        {busy ? t('upload.reading') : t('upload.button')}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('upload.label')}
        data-testid="upload-input"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setBusy(true);
          try {
            // The header checks and the decoder load with the first upload, not with the page.
            const { readImageFile } = await import('./readImageFile');
            const result = await readImageFile(file);
            if (result.ok) onImage(file.name, result.image);
            else onError({ name: file.name, code: result.code, params: result.params });
          } finally {
            setBusy(false);
          }
        }}
      />
    </>
  );
}
