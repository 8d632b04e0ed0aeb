import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ActlabError } from '../util/errors.js';

/**
 * Writes a file atomically: the data goes to a temporary file in the same directory, is flushed to disk, and
 * is then renamed over `path`. Readers see either the old file or the complete new one; on failure the old
 * file is untouched and the temporary file is removed. The directory must already exist.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const dirStat = await stat(dir).catch(() => null);
  if (dirStat === null || !dirStat.isDirectory()) {
    throw new ActlabError(`cannot write '${path}': directory '${dir}' does not exist; create it first or choose another path`);
  }
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}
