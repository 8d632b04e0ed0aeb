import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/node/atomicWrite.js';
import { ActlabError } from '../../src/util/errors.js';

let dir = '';
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'actlab-atomic-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

describe('writeFileAtomic', () => {
  it('writes the data, replaces an old file and leaves no temporary file on success', async () => {
    const path = join(dir, 'chart.svg');
    await writeFile(path, 'old');
    await writeFileAtomic(path, '<svg>new</svg>');
    await writeFileAtomic(join(dir, 'bytes.bin'), new Uint8Array([1, 2, 3]));
    expect(await readFile(path, 'utf8')).toBe('<svg>new</svg>');
    expect([...(await readFile(join(dir, 'bytes.bin')))]).toEqual([1, 2, 3]);
    expect((await readdir(dir)).sort()).toEqual(['bytes.bin', 'chart.svg']);
  });

  it('leaves the old file untouched and removes the temporary file when writing fails', async () => {
    const path = join(dir, 'chart.png');
    await writeFile(path, 'old contents');
    const notBytes = { length: 3 } as unknown as Uint8Array; // fails inside the write, after the temp file exists
    await expect(writeFileAtomic(path, notBytes)).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('old contents');
    expect(await readdir(dir)).toEqual(['chart.png']);
  });

  it('removes the temporary file when the final rename fails', async () => {
    const path = join(dir, 'taken');
    await mkdir(path);
    await writeFile(join(path, 'inside'), 'x');
    await expect(writeFileAtomic(path, 'data')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
    expect(await readdir(path)).toEqual(['inside']);
  });

  it('says clearly when the directory does not exist', async () => {
    const path = join(dir, 'missing', 'chart.svg');
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow(ActlabError);
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow(/directory '.*missing' does not exist/);
  });
});
