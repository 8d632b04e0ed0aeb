import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvImportError, MAX_CLASSES, chooseTarget, importCsv, looksLikeClasses, thinRows } from '../../web/src/data/csv.js';
import { LIMITS } from '../../web/src/state/types.js';

const rows = (header: string, lines: string[]): string => [header, ...lines].join('\n') + '\n';

describe('CSV upload', () => {
  it('takes the last column as the target, and a non-numeric target as classes', () => {
    const { data } = importCsv(rows('a,b,species', ['1,2,cat', '3,4,dog', '5,6,cat']), 'pets.csv');
    expect(data).toEqual({
      task: 'classification',
      featureNames: ['a', 'b'],
      classNames: ['cat', 'dog'],
      x: [1, 2, 3, 4, 5, 6],
      y: [0, 1, 0],
      planeColumns: [0, 1],
      source: 'pets.csv',
    });
  });

  it('takes a column named label, class, target or y as the target wherever it stands', () => {
    expect(chooseTarget(['Label', 'a', 'b'])).toBe('Label');
    expect(chooseTarget(['a', ' y ', 'b'])).toBe('y');
    expect(chooseTarget(['target', 'class'])).toBe('class');
    expect(chooseTarget(['a', 'b', 'c'])).toBe('c');
    const { data } = importCsv(rows('y,u,v', ['0.5,1,2', '1.5,3,4', '2.25,5,6']), 'r.csv');
    expect(data.featureNames).toEqual(['u', 'v']);
    expect(data.task).toBe('regression');
    expect(data.y).toEqual([0.5, 1.5, 2.25]);
  });

  it('reads small integer targets as classes and other numbers as regression', () => {
    expect(importCsv(rows('a,b,t', ['1,2,0', '3,4,1', '5,6,2']), 'f.csv').data).toMatchObject({ task: 'classification', classNames: ['0', '1', '2'], y: [0, 1, 2] });
    const many = Array.from({ length: 12 }, (_, i) => `${i},${i},${i * 3}`);
    expect(importCsv(rows('a,b,t', many), 'f.csv').data.task).toBe('regression');
    expect(importCsv(rows('a,b,t', ['1,2,0.5', '3,4,1']), 'f.csv').data.task).toBe('regression');
    expect(looksLikeClasses([1, 1, 1])).toBe(false);
    expect(looksLikeClasses([0, 1, 0.5])).toBe(false);
    expect(looksLikeClasses([-1, 1])).toBe(true);
  });

  it('draws the first two feature columns on the plane, and the only one twice', () => {
    expect(importCsv(rows('a,b,c,d,label', ['1,2,3,4,x', '5,6,7,8,z']), 'f.csv').data.planeColumns).toEqual([0, 1]);
    expect(importCsv(rows('a,label', ['1,x', '5,z']), 'f.csv').data.planeColumns).toEqual([0, 0]);
  });

  it('explains a bad file in one line that names the file, and what to do', () => {
    const bad: [string, RegExp][] = [
      ['', /empty/],
      ['a,b,c\n1,2\n3,4,5\n', /line 2 has 2 fields/],
      ['a,b,c\n1,x,0\n3,4,1\n', /line 2, column 'b': 'x' is not a number/],
      ['1,2,3\n4,5,6\n', /looks like data, not a header/],
      ['a,b,c\n1,2,p\n', /only 1 data row/],
      ['a,b,c\n1,2,p\n3,4,p\n', /only the class 'p'/],
      ['a,"b,c\n1,2,3\n', /never closed/],
    ];
    for (const [text, message] of bad) {
      let error: unknown;
      try {
        importCsv(text, 'bad.csv');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CsvImportError);
      const m = (error as Error).message;
      expect(m).toMatch(message);
      expect(m.startsWith('bad.csv')).toBe(true);
      expect(m).not.toContain('\n');
    }
  });

  it('refuses a class column with more than 10 classes', () => {
    const lines = Array.from({ length: MAX_CLASSES + 1 }, (_, i) => `${i},${i},name${i}`);
    expect(() => importCsv(rows('a,b,who', lines), 'people.csv')).toThrow(/11 distinct values/);
  });

  it('thins a big file evenly to the explorer’s maximum, keeping every class', () => {
    const n = LIMITS.maxPoints * 2 + 3;
    const lines = Array.from({ length: n }, (_, i) => `${i},${-i},${i < n / 2 ? 'a' : 'b'}`);
    const { data, fileRows } = importCsv(rows('u,v,k', lines), 'big.csv');
    expect(fileRows).toBe(n);
    expect(data.y).toHaveLength(LIMITS.maxPoints);
    expect(data.x).toHaveLength(2 * LIMITS.maxPoints);
    expect(new Set(data.y)).toEqual(new Set([0, 1]));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 300 }), (total, max) => {
        const kept = thinRows(total, max);
        expect(kept).toHaveLength(Math.min(total, max));
        kept.forEach((r, i) => {
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThan(total);
          if (i > 0) expect(r).toBeGreaterThan(kept[i - 1]);
        });
      }),
    );
  });

  it('never throws anything but a CsvImportError, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab,1.5-"\n\r xy'.split('')), maxLength: 80 }), (text) => {
        try {
          const { data } = importCsv(text, 'fuzz.csv');
          expect(data.x).toHaveLength(data.y.length * data.featureNames.length);
        } catch (e) {
          expect(e).toBeInstanceOf(CsvImportError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('CSV upload: files that are not text', () => {
  it('says a binary file is not a text CSV file instead of reading garbage columns', async () => {
    const { looksBinary } = await import('../../web/src/data/csv.js');
    const png = '\uFFFDPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000';
    expect(looksBinary(png)).toBe(true);
    expect(looksBinary('a,b,label\n1,2,x\n3,4,y\n')).toBe(false);
    expect(looksBinary('a\tb\tlabel\r\n1\t2\tx\r\n')).toBe(false);
    expect(looksBinary('x,y,名前\n1,2,猫\n')).toBe(false);
    const noise = Array.from({ length: 400 }, (_, i) => String.fromCharCode(i % 7 === 0 ? 65 : (i * 37) % 31 + 1)).join('');
    expect(looksBinary(noise)).toBe(true);
    let error: unknown;
    try {
      importCsv(png, 'photo.png');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvImportError);
    expect((error as CsvImportError).code).toBe('binary');
    expect((error as Error).message).toBe('photo.png: this is not a text CSV file');
  });

  it('reports how many rows a big file had when it is thinned', () => {
    const lines = Array.from({ length: LIMITS.maxPoints * 3 }, (_, i) => `${i},${i % 7},${i % 2}`);
    const { data, fileRows } = importCsv(rows('a,b,label', lines), 'big.csv');
    expect(fileRows).toBe(LIMITS.maxPoints * 3);
    expect(data.y.length).toBe(LIMITS.maxPoints);
  });
});

describe('CSV upload reads real data as the CLI does', () => {
  it('takes the raw penguins file: categories one-hot, NA rows dropped, with the reader’s notes', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../fixtures/penguins/penguins.csv', import.meta.url), 'utf8');
    // The last column (sex) is the default target; its NA cells are an error naming the line.
    expect(() => importCsv(text, 'penguins.csv')).toThrow(/penguins.csv: line 5: the target 'sex' is missing \('NA'\)/);
    const species = `${text.split('\n').map((l) => { const c = l.split(','); return [...c.slice(1), c[0]].join(','); }).join('\n')}`;
    const r = importCsv(species, 'penguins.csv');
    expect(r.data.task).toBe('classification');
    expect(r.data.classNames).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(r.data.featureNames.slice(0, 3)).toEqual(['island=Biscoe', 'island=Dream', 'island=Torgersen']);
    expect(r.fileRows).toBe(334);
    expect(r.notes).toEqual(['dropped 10 of 344 rows with missing feature values (--missing mean fills them instead)']);
  });

  it('keeps 11 to 50 distinct integer targets as regression (the plane has colours for 10 classes)', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `${i},${i % 20}`);
    expect(importCsv(rows('a,t', lines), 'f.csv').data.task).toBe('regression');
  });
});
