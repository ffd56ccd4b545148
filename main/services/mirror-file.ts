import { createHash } from 'node:crypto';
import { open, readdir, readFile, rename, stat, unlink, mkdir, copyFile, type FileHandle } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { checkPersonalData, isEffectivelyEmpty, MAX_PERSONAL_CHARS, PersonalDataError } from '../../core/personal/io';
import type { PersonalData } from '../../core/personal/model';

/**
 * The mirror of the user's personal data (stars, notes, reminder settings, watch list,
 * subscriptions) in the user-data folder, so a wiped browser store loses nothing.
 *
 * Files: `personal-data.json` (current) and `personal-data.prev.json` (the good copy before
 * it). Each is an envelope whose `sha256` covers the data exactly as written, so a
 * half-written or corrupted file is detected; it is then moved aside as
 * `personal-data.corrupt-<time>.json` (never overwritten) and the previous copy is used.
 * Writes go to a temporary file in the same folder, are fsync'ed, renamed over the current
 * file (atomic on one file system) and the folder is fsync'ed, so a crash leaves either the
 * old or the new file, never a mix. Writes are serialised; an empty dataset never replaces
 * a non-empty one unless the user asked for it.
 */
export const MIRROR_FILE = 'personal-data.json';
export const MIRROR_PREVIOUS = 'personal-data.prev.json';
const ENVELOPE_FORMAT = 'lanyard-mirror';
const TEMP_MARK = '.tmp-';

type MirrorSource = 'current' | 'previous' | 'none';

interface MirrorRead {
  data: PersonalData | null;
  source: MirrorSource;
  /** What was wrong with the current file, in words for a person. */
  problem?: string;
  path: string;
  writtenAt?: number;
}

interface MirrorStatus {
  path: string;
  writtenAt?: number;
  bytes?: number;
  hasPrevious: boolean;
}

interface MirrorWrite {
  path: string;
  writtenAt: number;
  bytes: number;
}

interface Envelope {
  format: typeof ENVELOPE_FORMAT;
  version: 1;
  writtenAt: number;
  sha256: string;
  data: unknown;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Web mode's data folder: LANYARD_DATA_DIR, else $XDG_DATA_HOME/lanyard, else ~/.local/share/lanyard. */
export function webDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LANYARD_DATA_DIR) return env.LANYARD_DATA_DIR;
  if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, 'lanyard');
  return join(homedir(), '.local', 'share', 'lanyard');
}

type Checked = { ok: true; data: PersonalData; writtenAt: number } | { ok: false; missing: boolean; problem: string };

/** Reads one mirror file and checks envelope, checksum and schema. */
async function checkFile(path: string): Promise<Checked> {
  let text: string;
  try {
    const info = await stat(path);
    if (info.size > MAX_PERSONAL_CHARS * 2) return { ok: false, missing: false, problem: `it is too large (${info.size} bytes)` };
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, missing: true, problem: 'it is missing' };
    return { ok: false, missing: false, problem: `it could not be read (${(error as Error).message})` };
  }
  if (text.length === 0) return { ok: false, missing: false, problem: 'it is empty (a write was cut short)' };
  let envelope: Partial<Envelope>;
  try {
    envelope = JSON.parse(text) as Partial<Envelope>;
  } catch {
    return { ok: false, missing: false, problem: 'it is not complete JSON (a write was cut short or the bytes are damaged)' };
  }
  if (typeof envelope !== 'object' || envelope === null || envelope.format !== ENVELOPE_FORMAT || typeof envelope.sha256 !== 'string') {
    return { ok: false, missing: false, problem: 'it is not a Lanyard mirror file' };
  }
  if (sha256(JSON.stringify(envelope.data)) !== envelope.sha256) return { ok: false, missing: false, problem: 'its checksum does not match (the bytes are damaged)' };
  try {
    return { ok: true, data: checkPersonalData(envelope.data), writtenAt: typeof envelope.writtenAt === 'number' ? envelope.writtenAt : 0 };
  } catch (error) {
    const detail = error instanceof PersonalDataError ? error.message : String(error);
    return { ok: false, missing: false, problem: `its contents are not valid personal data: ${detail}` };
  }
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync on a folder makes the rename durable; some file systems refuse it, which is harmless. */
async function fsyncDir(dir: string): Promise<void> {
  await fsyncPath(dir).catch(() => undefined);
}

/** Writes the bytes of one file; replaceable so tests can make the disk "full" half-way through. */
export type WriteText = (handle: FileHandle, text: string) => Promise<void>;

const writeText: WriteText = (handle, text) => handle.writeFile(text, 'utf8');

/**
 * Writes and fsyncs a new file. When that fails (ENOSPC, EACCES, EIO…) the partial file is
 * removed at once: a full disk must not be left fuller by the attempt.
 */
async function writeDurably(path: string, text: string, write: WriteText): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await write(handle, text);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
}

/** Thrown when an empty dataset would replace a non-empty backup: a decision, not a fault, so never retried. */
class EmptyMirrorRefused extends Error {
  readonly code = 'EMPTY_REFUSED';
  constructor() {
    super('Refusing to replace the backup copy of your agenda with an empty one; clear your data explicitly to do that.');
    this.name = 'EmptyMirrorRefused';
  }
}

export interface MirrorFileOptions {
  /** Clock, for tests. */
  now?: () => number;
  /** Called between writing the temporary file and renaming it (tests simulate a crash here). */
  beforeRename?: (tempPath: string) => Promise<void>;
  /** Writes a file's bytes (tests and the web server's fault switch inject ENOSPC/EACCES here). */
  writeText?: WriteText;
}

export interface MirrorFile {
  readonly dir: string;
  readonly path: string;
  read(): Promise<MirrorRead>;
  write(data: PersonalData, options?: { allowEmpty?: boolean }): Promise<MirrorWrite>;
  status(): Promise<MirrorStatus>;
}

/** The mirror file service for one user-data folder. */
export function createMirrorFile(dir: string, options: MirrorFileOptions = {}): MirrorFile {
  const now = options.now ?? Date.now;
  const current = join(dir, MIRROR_FILE);
  const previous = join(dir, MIRROR_PREVIOUS);
  let queue: Promise<unknown> = Promise.resolve();
  let tempCounter = 0;

  /** Runs file operations one at a time, so two writes never interleave their renames. */
  function serial<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Leftover temporary files are writes that never reached their rename: incomplete by definition. */
  async function removeLeftovers(): Promise<void> {
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => n.startsWith(`${MIRROR_FILE}${TEMP_MARK}`) || n.startsWith(`${MIRROR_PREVIOUS}${TEMP_MARK}`)).map((n) => unlink(join(dir, n)).catch(() => undefined)));
  }

  async function setAside(path: string, kind: 'corrupt' | 'prev.corrupt' = 'corrupt'): Promise<string> {
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    let target = join(dir, `personal-data.${kind}-${stamp}.json`);
    for (let n = 2; await stat(target).then(() => true, () => false); n += 1) target = join(dir, `personal-data.${kind}-${stamp}-${n}.json`);
    await rename(path, target);
    await fsyncDir(dir);
    return target;
  }

  async function readLocked(): Promise<MirrorRead> {
    await removeLeftovers();
    const first = await checkFile(current);
    if (first.ok) return { data: first.data, source: 'current', path: current, writtenAt: first.writtenAt };
    let problem: string | undefined;
    let currentAside: string | undefined;
    if (!first.missing) {
      currentAside = await setAside(current).catch(() => undefined);
      problem = `The backup file ${current} was damaged: ${first.problem}.${currentAside ? ` It was kept as ${currentAside}.` : ''}`;
    }
    const second = await checkFile(previous);
    if (second.ok) {
      return { data: second.data, source: 'previous', path: previous, writtenAt: second.writtenAt, problem: problem ?? `The backup file ${current} is missing; the copy before it was used.` };
    }
    if (!second.missing) {
      // Nothing could be restored. Keep the damaged previous copy aside too, so that the next
      // change (written as a new current file, then copied to "previous") never replaces it.
      const prevAside = await setAside(previous, 'prev.corrupt').catch(() => undefined);
      const kept = [currentAside, prevAside].filter((p): p is string => p !== undefined);
      problem = first.missing
        ? `Your stars, notes, reminder settings, watch list and subscriptions could not be restored from the backup copy: ${current} is missing and the copy before it is damaged (${second.problem}).`
        : `Your stars, notes, reminder settings, watch list and subscriptions could not be restored from the backup copy: both backup files are damaged (${MIRROR_FILE}: ${first.problem}; ${MIRROR_PREVIOUS}: ${second.problem}).`;
      if (kept.length > 0) problem += ` ${kept.length === 2 ? 'Both were' : 'It was'} kept, untouched, as ${kept.join(' and ')}.`;
    }
    return { data: null, source: 'none', path: current, ...(problem ? { problem } : {}) };
  }

  async function writeLocked(data: PersonalData, allowEmpty: boolean): Promise<MirrorWrite> {
    const checked = checkPersonalData(data);
    await mkdir(dir, { recursive: true });
    const existing = await checkFile(current);
    if (!allowEmpty && isEffectivelyEmpty(checked)) {
      const stored = existing.ok ? existing.data : (await checkFile(previous).then((p) => (p.ok ? p.data : undefined)));
      if (stored && !isEffectivelyEmpty(stored)) {
        throw new EmptyMirrorRefused();
      }
    }
    const writtenAt = now();
    const payload = JSON.stringify(checked);
    const envelope: Envelope = { format: ENVELOPE_FORMAT, version: 1, writtenAt, sha256: sha256(payload), data: checked };
    const text = JSON.stringify(envelope);
    tempCounter += 1;
    const temp = join(dir, `${MIRROR_FILE}${TEMP_MARK}${process.pid}-${tempCounter}`);
    await writeDurably(temp, text, options.writeText ?? writeText);
    const prevTemp = join(dir, `${MIRROR_PREVIOUS}${TEMP_MARK}${process.pid}-${tempCounter}`);
    try {
      if (existing.ok) {
        // Keep the current good copy as the previous one (copy + rename, so "current" always exists).
        await copyFile(current, prevTemp);
        await fsyncPath(prevTemp);
        await rename(prevTemp, previous);
      } else if (!existing.missing) {
        await setAside(current);
      }
      await options.beforeRename?.(temp);
      await rename(temp, current);
    } catch (error) {
      await Promise.all([unlink(temp).catch(() => undefined), unlink(prevTemp).catch(() => undefined)]);
      throw error;
    }
    await fsyncDir(dir);
    return { path: current, writtenAt, bytes: Buffer.byteLength(text) };
  }

  return {
    dir,
    path: current,
    read: () => serial(readLocked),
    write: (data, writeOptions = {}) => serial(() => writeLocked(data, writeOptions.allowEmpty === true)),
    status: () =>
      serial(async () => {
        const [file, prev] = await Promise.all([checkFile(current), stat(previous).then(() => true, () => false)]);
        const info = await stat(current).catch(() => undefined);
        return { path: current, hasPrevious: prev, ...(file.ok ? { writtenAt: file.writtenAt } : {}), ...(info ? { bytes: info.size } : {}) };
      }),
  };
}
