import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDistinct, checkOutputFile, checkOutputFolder, writeOutputs } from '../../src/node/outputs.js';
import { decodeUtf8, readTextFile } from '../../src/node/textFile.js';
import { ActlabError } from '../../src/util/errors.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'actlab-outputs-'));

describe('checkOutputFile refuses, before any work, a path it could not write', () => {
  const dir = fresh();
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'file'), 'x');
  const cases: Array<[string, RegExp, { extensions?: string[] }?]> = [
    ['folder', /--out 'folder' is a folder; give a file name inside it/],
    ['missing/a.svg', /the folder '.*missing' does not exist; create it first/],
    ['file/a.svg', /--out 'file\/a.svg': a part of the path is a file, not a folder/],
    ['/proc/a.svg', /cannot write in the folder '\/proc'/],
    [`${'n'.repeat(300)}.svg`, /a name in the path is 304 bytes long; the limit is 255/],
    ['/dev/null', /is not a regular file/],
    ['a.txt', /use a \.svg or \.png file name/, { extensions: ['.svg', '.png'] }],
    ['', /--out needs a file name/],
  ];
  it.each(cases)('%s', (given, message, opts) => {
    expect(() => checkOutputFile(given, '--out', dir, opts)).toThrow(ActlabError);
    expect(() => checkOutputFile(given, '--out', dir, opts)).toThrow(message);
    expect(readdirSync(dir).sort()).toEqual(['file', 'folder']);
  });

  it('accepts a new file in an existing folder and leaves nothing behind', () => {
    expect(checkOutputFile('new.svg', '--out', dir, { extensions: ['.svg'] }).path).toBe(join(dir, 'new.svg'));
    expect(readdirSync(dir).sort()).toEqual(['file', 'folder']);
  });

  it('refuses two flags naming the same file', () => {
    const a = checkOutputFile('same.svg', '--plot', dir);
    const b = checkOutputFile('./same.svg', '--boundary', dir);
    expect(() => checkDistinct([a, b])).toThrow("--plot and --boundary name the same file './same.svg'");
  });
});

describe('checkOutputFolder', () => {
  it('refuses a file and an unwritable place, and lists the folders it will make', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), 'x');
    expect(() => checkOutputFolder('/etc/passwd', '--out', dir)).toThrow("--out '/etc/passwd' is a file, not a folder");
    expect(() => checkOutputFolder('/proc/x', '--out', dir)).toThrow(/cannot write in the folder '\/proc'/);
    expect(() => checkOutputFolder('file/sub', '--report', dir)).toThrow(/a part of the path is a file, not a folder/);
    expect(checkOutputFolder('a/b', '--report', dir).makeFolders).toEqual([join(dir, 'a'), join(dir, 'a', 'b')]);
    expect(readdirSync(dir)).toEqual(['file']);
  });
});

describe('writeOutputs writes all files or none', () => {
  it('writes every file and makes the missing folders', () => {
    const dir = fresh();
    const f = checkOutputFolder('r/s', '--report', dir);
    writeOutputs([{ path: join(f.path, 'a.md'), data: 'A', flag: '--report' }, { path: join(f.path, 'b.bin'), data: new Uint8Array([1, 2]), flag: '--report' }], f.makeFolders);
    expect(readFileSync(join(dir, 'r', 's', 'a.md'), 'utf8')).toBe('A');
    expect(readdirSync(join(dir, 'r', 's')).sort()).toEqual(['a.md', 'b.bin']);
  });

  it('leaves no file and no new folder when a later file cannot be written', () => {
    const dir = fresh();
    const f = checkOutputFolder('new', '--report', dir);
    expect(() => writeOutputs([
      { path: join(f.path, 'a.md'), data: 'A', flag: '--report' },
      { path: join(dir, 'nowhere', 'b.md'), data: 'B', flag: '--plot' },
    ], f.makeFolders)).toThrow(/--plot: cannot write '.*b.md'/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('readTextFile', () => {
  it('reports bytes that are not UTF-8 with their line, instead of replacing them', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'latin.csv'), Buffer.from('name,y\nab,1\ncaf\xe9,2\n', 'latin1'));
    expect(() => readTextFile('latin.csv', '--data', dir)).toThrow(
      "--data 'latin.csv': line 3 has the byte 0xE9, which is not UTF-8 (Latin-1 or Windows-1252 text?); save the file as UTF-8",
    );
  });

  it('gives the text, size and SHA-256 of a file, and refuses folders, devices and missing files', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a.csv'), 'abc');
    const f = readTextFile('a.csv', '--data', dir);
    expect([f.text, f.bytes, f.sha256]).toEqual(['abc', 3, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad']);
    expect(() => readTextFile('.', '--data', dir)).toThrow("--data '.' is a folder; give a file");
    expect(() => readTextFile('/dev/zero', '--data', dir)).toThrow('is not a regular file');
    expect(() => readTextFile('nope.csv', '--data', dir)).toThrow("cannot read --data 'nope.csv': no such file");
  });

  it('decodes valid UTF-8 (BOM, CJK, emoji) unchanged', () => {
    const text = '\ufeffa,标签,🙂\n';
    expect(decodeUtf8(new TextEncoder().encode(text), 'x')).toBe(text);
    expect(() => decodeUtf8(Uint8Array.from([0x61, 0x0a, 0xed, 0xa0, 0x80]), 'x')).toThrow('x: line 2 has the byte 0xED');
  });
});
