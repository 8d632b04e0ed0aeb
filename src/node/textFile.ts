import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { ActlabError } from '../util/errors.js';
import { fsReason } from './outputs.js';

/** Largest input file actlab reads (CSV data, saved models), in bytes. */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

/** A text file read in full, with what results record about it instead of its text. */
export interface TextFile {
  /** The path as given. */
  readonly given: string;
  /** Absolute path. */
  readonly path: string;
  /** The text, decoded as UTF-8 (a leading byte-order mark is kept; the CSV reader skips it). */
  readonly text: string;
  /** Size in bytes. */
  readonly bytes: number;
  /** SHA-256 of the bytes, hex. */
  readonly sha256: string;
}

const shown = (p: string): string => (p.length > 80 ? `${p.slice(0, 40)}…${p.slice(-30)}` : p);

/**
 * Reads a text file given on the command line: a regular file (not a folder, device or pipe) of at most
 * MAX_INPUT_BYTES, in UTF-8. Bytes that are not UTF-8 (a Latin-1 é, say) are an error naming the line and
 * the byte, never silently replaced. `what` names the file's role in messages (`--data`).
 */
export function readTextFile(given: string, what: string, cwd: string): TextFile {
  const path = resolvePath(cwd, given);
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ActlabError(`${what} '${shown(given)}' is a folder; give a file`);
    if (!st.isFile()) throw new ActlabError(`${what} '${shown(given)}' is not a regular file (a device or pipe); give a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof ActlabError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ActlabError(`cannot read ${what} '${shown(given)}': ${code === 'ENOENT' ? 'no such file' : fsReason(e)}; check the path`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new ActlabError(`${what} '${shown(given)}' is ${(size / 1024 / 1024).toFixed(0)} MB; actlab reads files up to ${MAX_INPUT_BYTES / 1024 / 1024} MB, so take a sample of the rows`);
  }
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new ActlabError(`cannot read ${what} '${shown(given)}': ${fsReason(e)}; check the path`);
  }
  return { given, path, text: decodeUtf8(buf, `${what} '${shown(given)}'`), bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
}

/** Decodes UTF-8 strictly; an invalid byte is an error naming its line and value. */
export function decodeUtf8(buf: Uint8Array, label: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    let line = 1;
    for (let i = 0; i < at; i++) if (buf[i] === 0x0a) line++;
    const byte = buf[at] ?? 0;
    const hint = byte >= 0xa0 ? ' (Latin-1 or Windows-1252 text?)' : '';
    throw new ActlabError(`${label}: line ${line} has the byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}, which is not UTF-8${hint}; save the file as UTF-8`);
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    let min = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}
