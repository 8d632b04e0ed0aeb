/**
 * Output paths checked before any work, and written all-or-nothing after it. A command first turns every
 * output flag into a checked target (`checkOutputFile`, `checkOutputFolder`): the folder exists (or its
 * nearest existing ancestor does), is a folder, and a probe file can be created and removed there; the file
 * is not a folder, a device or too long a name. After the work, `writeOutputs` writes every file to a
 * temporary name beside its target and renames them all at the end, so a failure leaves no file behind
 * (and folders it created are removed again).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync, fsyncSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, extname, join, resolve as resolvePath } from 'node:path';
import { ActlabError } from '../util/errors.js';

/** Longest file name most file systems accept, in bytes. */
export const MAX_NAME_BYTES = 255;
/** Longest path accepted, in bytes (Linux PATH_MAX). */
export const MAX_PATH_BYTES = 4096;

/** A checked output file. */
export interface OutputFile {
  /** The flag that named it (`--out`), for messages. */
  readonly flag: string;
  /** The path as the user gave it. */
  readonly given: string;
  /** Absolute path. */
  readonly path: string;
  /** Folders (outermost first) that do not exist yet and are made when writing. */
  readonly makeFolders: readonly string[];
}

/** A checked output folder. */
export interface OutputFolder {
  readonly flag: string;
  readonly given: string;
  readonly path: string;
  /** Folders (outermost first, the folder itself last) that do not exist yet. */
  readonly makeFolders: readonly string[];
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'the folder does not accept new files',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'it already exists',
  EIO: 'input/output error',
  EINVAL: 'invalid file name for this file system',
};

/** One-line reason for a file-system error. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code ? REASONS[code] ?? code : (e as Error)?.message ?? String(e);
}

const shown = (p: string): string => (p.length > 80 ? `${p.slice(0, 40)}…${p.slice(-30)}` : p);

function statOrNull(p: string, flag: string, given: string): Stats | null {
  try {
    return statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') throw new ActlabError(`${flag} '${shown(given)}': a part of the path is a file, not a folder; choose another path`);
    if (code === 'ENAMETOOLONG') throw new ActlabError(`${flag} '${shown(given)}': the path is too long; choose a shorter one`);
    throw new ActlabError(`${flag} '${shown(given)}': ${fsReason(e)}; choose another path`);
  }
}

/** Checks that files can be created in `folder` by creating and removing a probe file. */
function probeFolder(folder: string, flag: string, given: string): void {
  const probe = join(folder, `.actlab-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  let fd: number;
  try {
    fd = openSync(probe, 'wx');
  } catch (e) {
    throw new ActlabError(`${flag} '${shown(given)}': cannot write in the folder '${shown(folder)}' (${fsReason(e)}); choose another place`);
  }
  closeSync(fd);
  try {
    unlinkSync(probe);
  } catch {
    // the probe is gone or cannot be removed; nothing more to do
  }
}

/** The nearest existing ancestor of `p` and the missing folders below it (outermost first). */
function existingAncestor(p: string, flag: string, given: string): { folder: string; missing: string[] } {
  const missing: string[] = [];
  let cur = p;
  for (;;) {
    const st = statOrNull(cur, flag, given);
    if (st !== null) {
      if (!st.isDirectory()) throw new ActlabError(`${flag} '${shown(given)}': '${shown(cur)}' is a file, not a folder; choose another path`);
      return { folder: cur, missing: missing.reverse() };
    }
    missing.push(cur);
    const up = dirname(cur);
    if (up === cur) throw new ActlabError(`${flag} '${shown(given)}': no part of the path exists; choose another path`);
    cur = up;
  }
}

function checkLengths(path: string, flag: string, given: string): void {
  if (Buffer.byteLength(path) > MAX_PATH_BYTES) throw new ActlabError(`${flag}: the path is longer than ${MAX_PATH_BYTES} bytes; choose a shorter one`);
  for (const part of path.split('/')) {
    const n = Buffer.byteLength(part);
    if (n > MAX_NAME_BYTES) throw new ActlabError(`${flag} '${shown(given)}': a name in the path is ${n} bytes long; the limit is ${MAX_NAME_BYTES}, so shorten it`);
  }
}

/**
 * Checks an output file before any work: a non-empty name, an allowed extension (when `extensions` is
 * given, lower case with the dot), not a folder or device, an existing folder (or, with `makeFolders`,
 * an existing ancestor) where files can be created.
 */
export function checkOutputFile(given: string, flag: string, cwd: string, opts: { extensions?: readonly string[]; makeFolders?: boolean } = {}): OutputFile {
  if (given.trim() === '') throw new ActlabError(`${flag} needs a file name; e.g. ${flag} out${opts.extensions?.[0] ?? '.json'}`);
  if (given.includes('\0')) throw new ActlabError(`${flag}: the file name holds a NUL character; choose another name`);
  const path = resolvePath(cwd, given);
  checkLengths(path, flag, given);
  if (given.endsWith('/') || given.endsWith('\\')) throw new ActlabError(`${flag} '${shown(given)}' names a folder; give a file name, e.g. ${given}out${opts.extensions?.[0] ?? '.json'}`);
  const st = statOrNull(path, flag, given);
  if (st !== null) {
    if (st.isDirectory()) throw new ActlabError(`${flag} '${shown(given)}' is a folder; give a file name inside it, e.g. ${join(given, `out${opts.extensions?.[0] ?? '.json'}`)}`);
    if (!st.isFile()) throw new ActlabError(`${flag} '${shown(given)}' is not a regular file (a device or pipe); write to a file`);
  }
  const ext = extname(path).toLowerCase();
  if (opts.extensions && !opts.extensions.includes(ext)) {
    throw new ActlabError(`${flag} '${shown(given)}': use a ${opts.extensions.join(' or ')} file name`);
  }
  const folder = dirname(path);
  let makeFolders: string[] = [];
  if (opts.makeFolders) {
    const a = existingAncestor(folder, flag, given);
    probeFolder(a.folder, flag, given);
    makeFolders = a.missing;
  } else {
    const fst = statOrNull(folder, flag, given);
    if (fst === null) throw new ActlabError(`${flag} '${shown(given)}': the folder '${shown(folder)}' does not exist; create it first or choose another path`);
    if (!fst.isDirectory()) throw new ActlabError(`${flag} '${shown(given)}': '${shown(folder)}' is a file, not a folder; choose another path`);
    probeFolder(folder, flag, given);
  }
  return { flag, given, path, makeFolders };
}

/** Checks an output folder before any work: an existing folder, or a path whose nearest existing ancestor is a writable folder. */
export function checkOutputFolder(given: string, flag: string, cwd: string): OutputFolder {
  if (given.trim() === '') throw new ActlabError(`${flag} needs a folder name; e.g. ${flag} out`);
  if (given.includes('\0')) throw new ActlabError(`${flag}: the folder name holds a NUL character; choose another name`);
  const path = resolvePath(cwd, given);
  checkLengths(path, flag, given);
  const st = statOrNull(path, flag, given);
  if (st !== null && !st.isDirectory()) throw new ActlabError(`${flag} '${shown(given)}' is a file, not a folder; give a folder (it is created if missing)`);
  const a = existingAncestor(path, flag, given);
  probeFolder(a.folder, flag, given);
  return { flag, given, path, makeFolders: a.missing };
}

/** Makes a checked folder's missing folders, outermost first, one level at a time; an error names the flag. */
export function makeFolders(folder: OutputFolder): void {
  for (const d of folder.makeFolders) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new ActlabError(`${folder.flag} '${shown(folder.given)}': cannot make the folder '${shown(d)}' (${fsReason(e)}); choose another place`);
    }
  }
}

/** Throws when two checked outputs name the same file. */
export function checkDistinct(files: ReadonlyArray<OutputFile | undefined>): void {
  const seen = new Map<string, string>();
  for (const f of files) {
    if (!f) continue;
    const other = seen.get(f.path);
    if (other) throw new ActlabError(`${other} and ${f.flag} name the same file '${shown(f.given)}'; give each its own file`);
    seen.set(f.path, f.flag);
  }
}

/** One file to write: a checked target (or a path inside a checked folder) and its contents. */
export interface PendingFile {
  readonly path: string;
  readonly data: string | Uint8Array;
  /** The flag the file comes from, for messages. */
  readonly flag: string;
}

/**
 * Writes all files or none: folders in `makeFolders` are created (one level at a time), every file goes to
 * a temporary name beside its target and is flushed, then all are renamed into place. On a failure the
 * temporary files and the folders made here are removed, and an ActlabError names the file.
 */
export function writeOutputs(files: readonly PendingFile[], makeFolders: readonly string[] = []): void {
  const made: string[] = [];
  const temps: Array<{ tmp: string; path: string }> = [];
  const cleanUp = () => {
    for (const t of temps) {
      try {
        unlinkSync(t.tmp);
      } catch {
        // already renamed or never created
      }
    }
    for (const d of made.reverse()) {
      try {
        rmdirSync(d);
      } catch {
        // not empty (a rename went through) or gone
      }
    }
  };
  let current = '';
  let flag = '';
  try {
    for (const d of [...new Set(makeFolders)]) {
      current = d;
      flag = 'output folder';
      if (statOrNull(d, flag, d) !== null) continue;
      mkdirSync(d);
      made.push(d);
    }
    for (const f of files) {
      current = f.path;
      flag = f.flag;
      const tmp = join(dirname(f.path), `.${basename(f.path).slice(0, 200)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      const fd = openSync(tmp, 'wx');
      temps.push({ tmp, path: f.path });
      try {
        const bytes = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data;
        let off = 0;
        while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    for (const t of temps) {
      current = t.path;
      renameSync(t.tmp, t.path);
    }
  } catch (e) {
    cleanUp();
    if (e instanceof ActlabError) throw e;
    throw new ActlabError(`${flag}: cannot write '${shown(current)}' (${fsReason(e)}); choose another place`);
  }
}
