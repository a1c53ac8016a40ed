/**
 * Saved models in the browser's IndexedDB, by name. Two object stores written together in
 * one transaction: `models` holds the small description listed in the UI (name, date,
 * spec, held-out accuracy, size), `packages` the model.json and weights. A transaction is
 * all or nothing, so a save that fails (a full storage quota, say) leaves neither half
 * behind and every model saved before untouched. The `idb` package turns requests and
 * transactions into promises.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ModelMetadata, ModelPackage } from './modelFiles';
import type { ModelSpec } from './spec';

/** What the list shows of a saved model. */
export interface SavedModelInfo extends ModelMetadata {
  readonly savedAt: string;
  readonly spec: ModelSpec;
  /** Size of the weights in bytes. */
  readonly bytes: number;
}

/** A saved model with its files. */
export interface SavedModel {
  readonly info: SavedModelInfo;
  readonly pkg: ModelPackage;
}

export type LibraryErrorCode = 'quota' | 'name-taken' | 'not-found' | 'unavailable' | 'failed';

/** A library operation that did not happen; `code` picks the message, `detail` is the browser's own words. */
export class LibraryError extends Error {
  constructor(
    readonly code: LibraryErrorCode,
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'LibraryError';
  }
}

/** The default database name (tests may open another). */
export const LIBRARY_DB = 'convlens-models';
const DB_VERSION = 1;
const INFO_STORE = 'models';
const PACKAGE_STORE = 'packages';

interface PackageRecord {
  readonly name: string;
  readonly modelJson: ModelPackage['modelJson'];
  readonly weights: ArrayBuffer;
}

/** The two stores, both keyed by the model's name. */
interface LibrarySchema extends DBSchema {
  models: { key: string; value: SavedModelInfo };
  packages: { key: string; value: PackageRecord };
}

/**
 * True when an error (or any error it wraps, as tfjs and some browsers do) means the
 * storage quota is full: `QuotaExceededError` by name, or a message saying so.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const e = error as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown; inner?: unknown };
  if (e.name === 'QuotaExceededError' || e.code === 22) return true;
  if (typeof e.message === 'string' && /quota|QuotaExceeded|not enough (storage|space)/i.test(e.message)) return true;
  return isQuotaError(e.cause, depth + 1) || isQuotaError(e.inner, depth + 1);
}

function asLibraryError(error: unknown): LibraryError {
  if (error instanceof LibraryError) return error;
  if (isQuotaError(error)) return new LibraryError('quota', error instanceof Error || error instanceof DOMException ? error.message : '');
  if (error instanceof DOMException && error.name === 'ConstraintError') return new LibraryError('name-taken');
  return new LibraryError('failed', error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error));
}

export class ModelLibrary {
  private constructor(private readonly db: IDBPDatabase<LibrarySchema>) {}

  /** Opens (creating on first use) the library; throws LibraryError 'unavailable' without IndexedDB. */
  static async open(dbName = LIBRARY_DB): Promise<ModelLibrary> {
    if (typeof indexedDB === 'undefined') throw new LibraryError('unavailable');
    try {
      const db = await openDB<LibrarySchema>(dbName, DB_VERSION, {
        upgrade(db) {
          if (!db.objectStoreNames.contains(INFO_STORE)) db.createObjectStore(INFO_STORE, { keyPath: 'name' });
          if (!db.objectStoreNames.contains(PACKAGE_STORE)) db.createObjectStore(PACKAGE_STORE, { keyPath: 'name' });
        },
      });
      return new ModelLibrary(db);
    } catch (e) {
      throw e instanceof DOMException && !isQuotaError(e) ? new LibraryError('unavailable', e.message) : asLibraryError(e);
    }
  }

  /** Every saved model's description, newest first. */
  async list(): Promise<SavedModelInfo[]> {
    try {
      const all = await this.db.getAll(INFO_STORE);
      return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.name.localeCompare(b.name));
    } catch (e) {
      throw asLibraryError(e);
    }
  }

  /**
   * Saves a model under `info.name` (description and files in one transaction). Throws
   * LibraryError 'name-taken' when the name is used, 'quota' when the browser has no room;
   * either way nothing is written and nothing saved before changes.
   */
  async save(info: SavedModelInfo, pkg: ModelPackage): Promise<void> {
    const weights = pkg.weights.buffer.slice(pkg.weights.byteOffset, pkg.weights.byteOffset + pkg.weights.byteLength) as ArrayBuffer;
    const record: PackageRecord = { name: info.name, modelJson: pkg.modelJson, weights };
    try {
      const tx = this.db.transaction([INFO_STORE, PACKAGE_STORE], 'readwrite', { durability: 'strict' });
      // The first failure rejects: a write's own error (a taken name), or the abort of the
      // whole transaction (a full quota is found when it commits).
      await Promise.all([tx.objectStore(INFO_STORE).add(info), tx.objectStore(PACKAGE_STORE).add(record), tx.done]);
    } catch (e) {
      throw asLibraryError(e);
    }
  }

  /** A saved model with its files; throws LibraryError 'not-found' when there is none by that name. */
  async load(name: string): Promise<SavedModel> {
    try {
      const tx = this.db.transaction([INFO_STORE, PACKAGE_STORE], 'readonly');
      const [info, record] = await Promise.all([tx.objectStore(INFO_STORE).get(name), tx.objectStore(PACKAGE_STORE).get(name)]);
      if (!info || !record) throw new LibraryError('not-found');
      return { info, pkg: { modelJson: record.modelJson, weights: new Uint8Array(record.weights) } };
    } catch (e) {
      throw asLibraryError(e);
    }
  }

  /** Deletes a saved model (both halves, in one transaction). */
  async delete(name: string): Promise<void> {
    try {
      const tx = this.db.transaction([INFO_STORE, PACKAGE_STORE], 'readwrite');
      await Promise.all([tx.objectStore(INFO_STORE).delete(name), tx.objectStore(PACKAGE_STORE).delete(name), tx.done]);
    } catch (e) {
      throw asLibraryError(e);
    }
  }

  close(): void {
    this.db.close();
  }
}
