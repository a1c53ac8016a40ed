import { useCallback, useEffect, useRef, useState } from 'react';
import { LibraryError, ModelLibrary, type SavedModelInfo } from '../../model/library';
import { checkModelName, downloadFiles, MODEL_NAME_MAX } from '../../model/modelFiles';
import type { ModelSession, SessionStatus } from '../../model/session';
import { SessionError } from '../../model/sessionError';
import { checkModelFiles } from '../../model/validateUpload';
import { offerDownloads } from './offerDownloads';

/** A message for the user: a key of the `models` catalogue and its values. */
export interface LibraryNotice {
  readonly kind: 'message' | 'error';
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

const say = (key: string, params: Record<string, string | number> = {}): LibraryNotice => ({ kind: 'message', key, params });
const fail = (key: string, params: Record<string, string | number> = {}): LibraryNotice => ({ kind: 'error', key, params });

function libraryFailure(e: unknown, name: string): LibraryNotice {
  if (e instanceof LibraryError) return fail(`errors.${e.code}`, { name, detail: e.detail });
  // The session refuses to load a model while a run goes on (a run started meanwhile).
  if (e instanceof SessionError && e.code === 'load-while-training') return fail('errors.training');
  return fail('errors.failed', { name, detail: e instanceof Error ? e.message : String(e) });
}

/**
 * The saved-models library for one session: the list, and save / load / download /
 * delete / upload, each reporting one notice. Whatever fails, the model in view and the
 * models already saved stay as they were.
 */
export function useModelLibrary(session: ModelSession | null, status: SessionStatus | null) {
  const library = useRef<ModelLibrary | null>(null);
  const [items, setItems] = useState<SavedModelInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<LibraryNotice | null>(null);

  const refresh = useCallback(async () => {
    if (library.current) setItems(await library.current.list());
  }, []);

  useEffect(() => {
    let live = true;
    ModelLibrary.open()
      .then(async (lib) => {
        if (!live) return lib.close();
        library.current = lib;
        setItems(await lib.list());
      })
      .catch((e: unknown) => live && setNotice(libraryFailure(e, '')));
    return () => {
      live = false;
      library.current?.close();
      library.current = null;
    };
  }, []);

  /** Runs one action at a time; any error becomes the notice. */
  const act = useCallback(
    async (name: string, action: () => Promise<LibraryNotice>) => {
      setBusy(true);
      setNotice(null);
      try {
        setNotice(await action());
      } catch (e) {
        setNotice(libraryFailure(e, name));
      } finally {
        await refresh().catch(() => undefined);
        setBusy(false);
      }
    },
    [refresh],
  );

  const save = (rawName: string) => {
    const checked = checkModelName(rawName);
    if (!checked.ok) return setNotice(fail(`errors.${checked.code}`, { max: MODEL_NAME_MAX }));
    const { name } = checked;
    void act(name, async () => {
      const lib = library.current;
      if (!lib) return fail('errors.unavailable');
      if (!session || !status?.hasTrained) return fail('errors.no-model');
      if (status.training) return fail('errors.training');
      const packaged = await session.packageTrained();
      if (!packaged) return fail('errors.no-model');
      const { pkg, spec } = packaged;
      await lib.save({ name, savedAt: new Date().toISOString(), heldOutAccuracy: status.trainedAccuracy, spec, bytes: pkg.weights.byteLength }, pkg);
      return say('msg.saved', { name });
    });
  };

  const load = (name: string) =>
    act(name, async () => {
      if (!library.current || !session) return fail('errors.unavailable');
      if (status?.training) return fail('errors.training');
      const { info, pkg } = await library.current.load(name);
      const built = await (await import('../../model/modelFromPackage')).modelFromPackage(pkg, info.spec);
      if (!built.ok) return fail(`errors.${built.error.code}`, built.error.params);
      await session.adopt(built.value, info.spec, { name: info.name, heldOutAccuracy: info.heldOutAccuracy });
      return say('msg.loaded', { name });
    });

  const download = (name: string) =>
    act(name, async () => {
      if (!library.current) return fail('errors.unavailable');
      const { info, pkg } = await library.current.load(name);
      const files = downloadFiles(pkg, { name: info.name, savedAt: info.savedAt, heldOutAccuracy: info.heldOutAccuracy });
      offerDownloads(files);
      return say('msg.downloaded', { name, json: files[0].fileName, bin: files[1].fileName });
    });

  const remove = (name: string) =>
    act(name, async () => {
      if (!library.current) return fail('errors.unavailable');
      await library.current.delete(name);
      return say('msg.deleted', { name });
    });

  const upload = (files: readonly File[]) =>
    act(files.map((f) => f.name).join(', '), async () => {
      if (!session) return fail('errors.unavailable');
      if (status?.training) return fail('errors.training');
      const checked = await checkModelFiles(files);
      if (!checked.ok) return fail(`errors.${checked.error.code}`, checked.error.params);
      const { modelJson, weights, spec, metadata } = checked.value;
      const built = await (await import('../../model/modelFromPackage')).modelFromPackage({ modelJson, weights }, spec);
      if (!built.ok) return fail(`errors.${built.error.code}`, built.error.params);
      await session.adopt(built.value, spec, { name: metadata.name, heldOutAccuracy: metadata.heldOutAccuracy });
      return say('msg.uploaded', { name: metadata.name });
    });

  return { items, busy, notice, save, load, download, remove, upload, clearNotice: () => setNotice(null) };
}
