import { useRef, useState } from 'react';
import type { Image28 } from '../core/grid';
import { readImageFile } from './readImageFile';

/** "Upload an image" button: the file goes through the same preprocessing as a drawing. */
export function UploadButton({ onImage, onError }: { onImage: (name: string, image: Image28) => void; onError: (message: string) => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button type="button" data-testid="upload-button" disabled={busy} onClick={() => inputRef.current?.click()}>
        {busy ? 'Reading…' : 'Upload image…'}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Upload an image of a digit"
        data-testid="upload-input"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setBusy(true);
          try {
            const result = await readImageFile(file);
            if (result.ok) onImage(file.name, result.image);
            else onError(`${file.name}: ${result.message} The current digit is unchanged.`);
          } finally {
            setBusy(false);
          }
        }}
      />
    </>
  );
}
