import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvOptions } from '../../src/data/parseCsv.js';
import { ActlabError } from '../../src/util/errors.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url), 'utf8');
const parse = (name: string, options: Omit<CsvOptions, 'fileName'>) => parseCsv(fixture(name), { ...options, fileName: name });

/** The message of the ActlabError that parsing `name` throws. */
const errorOf = (name: string, options: Omit<CsvOptions, 'fileName'> = { target: 'label' }): string => {
  try {
    parse(name, options);
  } catch (err) {
    expect(err).toBeInstanceOf(ActlabError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`${name} parsed without an error`);
};

describe('parseCsv on good files', () => {
  it('reads a classification set with string classes sorted by name', () => {
    const ds = parse('flowers.csv', { target: 'species' });
    expect(ds.name).toBe('flowers');
    expect(ds.task).toBe('classification');
    expect([ds.n, ds.d, ds.numClasses]).toEqual([6, 4, 3]);
    expect(ds.featureNames).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(ds.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(Array.from(ds.y)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(Array.from(ds.x.subarray(4, 8))).toEqual([7.0, 3.2, 4.7, 1.4].map(Math.fround));
    expect(ds.source).toBe('flowers.csv');
  });

  it('reads a numeric target as regression, with a BOM, CRLF, quotes, signs, exponents and trailing blank lines', () => {
    const ds = parse('regression-crlf.csv', { target: 'y value' });
    expect(ds.task).toBe('regression');
    expect(ds.featureNames).toEqual(['x']);
    expect(Array.from(ds.x)).toEqual([1, -0.2, 0.5].map(Math.fround));
    expect(Array.from(ds.y)).toEqual([2.5, 3, 4]);
    expect(ds.classNames).toBeUndefined();
  });

  it('treats a numeric target as classes when asked, sorted by value, with 2 and 2.0 the same class', () => {
    const ds = parse('numeric-classes.csv', { target: 'digit', task: 'classification' });
    expect(ds.classNames).toEqual(['1', '2', '10']);
    expect(Array.from(ds.y)).toEqual([2, 1, 1, 0]);
  });

  it('handles quoted fields with commas, doubled quotes and line breaks (RFC 4180)', () => {
    const ds = parse('quoted.csv', { target: 'label, with comma' });
    expect(ds.featureNames).toEqual(['a', 'b "quoted"']);
    expect(ds.classNames).toEqual(['multi\nline', 'plain', 'x, y']);
    expect(Array.from(ds.x)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('names the data set "csv" and the source "CSV text" without a file name', () => {
    const ds = parseCsv('a,b\n1,2\n3,4\n', { target: 'b' });
    expect([ds.name, ds.source]).toEqual(['csv', 'CSV text']);
  });
});

describe('parseCsv errors name the file, the line and the column', () => {
  it('an empty file', () => {
    expect(errorOf('empty.csv')).toBe('empty.csv: the file is empty; give it a header line with column names and at least 2 data rows');
    expect(errorOf('blank-only.csv')).toMatch(/^blank-only.csv: the file is empty;/);
  });

  it('a first line that is data instead of a header', () => {
    expect(errorOf('no-header.csv', { target: 'species' })).toBe(
      "no-header.csv: line 1 looks like data, not a header ('5.1,3.5,1.4,0.2'); add a first line with the column names",
    );
  });

  it('a ragged row', () => {
    expect(errorOf('ragged.csv')).toBe('ragged.csv: line 7 has 3 fields, header has 4; give every row one value per column');
  });

  it('a cell that is not a number', () => {
    expect(errorOf('not-a-number.csv', { target: 'species' })).toBe(
      "not-a-number.csv: line 5, column 'petal_length': 'abc' is not a number; the column holds numbers, so fix the cell or leave it empty",
    );
  });

  it('a missing target column', () => {
    expect(errorOf('flowers.csv', { target: 'label' })).toBe(
      "flowers.csv: no column 'label' in the header (columns: sepal_length, sepal_width, petal_length, petal_width, species); choose the target from these",
    );
  });

  it('an empty feature cell with --missing error', () => {
    expect(errorOf('empty-cell.csv', { target: 'label', missing: 'error' })).toBe(
      "empty-cell.csv: line 4, column 'b' is missing (''); fill it in, or pass --missing drop or --missing mean",
    );
  });

  it('fewer than 2 data rows', () => {
    expect(errorOf('one-row.csv')).toBe('one-row.csv: only 1 data row; a data set needs at least 2');
  });

  it('a blank line between data rows', () => {
    expect(errorOf('blank-middle.csv')).toBe('blank-middle.csv: line 3 is blank; remove blank lines between data rows');
  });

  it('an unterminated quote, at the line where the quote opens', () => {
    expect(errorOf('unterminated-quote.csv')).toBe(
      'unterminated-quote.csv: line 3, field 2: the quoted field is never closed; add the closing double quote',
    );
  });

  it('text after a closing quote', () => {
    expect(errorOf('text-after-quote.csv')).toMatch(/^text-after-quote.csv: line 2, field 2: text after the closing quote;/);
  });

  it('a duplicate column name', () => {
    expect(errorOf('duplicate-column.csv')).toBe("duplicate-column.csv: line 1: column 'a' appears twice; give each column a unique name");
  });

  it('counts the lines inside a quoted multi-line field when numbering later lines', () => {
    expect(errorOf('multiline-then-error.csv')).toBe(
      "multiline-then-error.csv: line 5, column 'a': 'abc' is not a number; the column holds numbers, so fix the cell or leave it empty",
    );
  });

  it('a target with a single class', () => {
    expect(errorOf('one-class.csv')).toBe("one-class.csv: column 'label' has only the class 'x'; a classification target needs at least 2 classes");
  });

  it('a non-numeric regression target', () => {
    expect(errorOf('flowers.csv', { target: 'species', task: 'regression' })).toBe(
      "flowers.csv: line 2, column 'species': 'setosa' is not a number; a regression target must be numeric",
    );
  });

  it('a quote inside an unquoted field, and numbers JavaScript accepts but CSV users do not mean', () => {
    expect(() => parseCsv('a,b\n1,2"\n3,4\n', { target: 'b' })).toThrow(/CSV input: line 2, field 2: a quote inside an unquoted field/);
    for (const bad of ['0x10', '0b11', 'Infinity', '-inf']) {
      expect(() => parseCsv(`a,b\n${bad},2\n3,4\n5,6\n`, { target: 'b' })).toThrow(`CSV input: line 2, column 'a': '${bad}' is not a decimal number`);
    }
    expect(() => parseCsv('a,b\n1e999,2\n3,4\n5,6\n', { target: 'b' })).toThrow("CSV input: line 2, column 'a': 1e999 is beyond the 32-bit float range");
    expect(() => parseCsv('a,b\n1e300,2\n3,4\n5,6\n', { target: 'b' })).toThrow("CSV input: line 2, column 'a': 1e300 is beyond the 32-bit float range");
  });
});

describe('parseCsv takes real data as they come', () => {
  const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

  it('reads integer class labels (at most 50 distinct) as classification, with a note that says how to ask for regression', () => {
    const ds = parseCsv(`label,p0,p1\n${rows(30, (i) => `${i % 10},${i},${i * 2}`)}\n`, { target: 'label' });
    expect(ds.task).toBe('classification');
    expect(ds.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(ds.notes).toEqual(["target 'label' holds 10 distinct integers: classification (pass --task regression to fit them as numbers)"]);
  });

  it('keeps regression for more than 50 distinct integers, for non-integers, and when asked', () => {
    expect(parseCsv(`a,y\n${rows(60, (i) => `${i},${i}`)}\n`, { target: 'y' }).task).toBe('regression');
    expect(parseCsv(`a,y\n${rows(6, (i) => `${i},${i % 3 + 0.5}`)}\n`, { target: 'y' }).task).toBe('regression');
    const forced = parseCsv(`a,y\n${rows(6, (i) => `${i},${i % 3}`)}\n`, { target: 'y', task: 'regression' });
    expect(forced.task).toBe('regression');
    expect(forced.notes).toEqual([]);
  });

  it('refuses a NaN, NA or empty target cell, naming the line, instead of making it a class', () => {
    expect(() => parseCsv('a,y\n1,2.5\n2,nan\n3,4.5\n', { target: 'y', fileName: 't.csv' })).toThrow(
      "t.csv: line 3: the target 'y' is missing ('nan'); every row needs a target, so fill it in or delete the row",
    );
    expect(() => parseCsv('a,y\n1,2.5\n2,4\n3,\n', { target: 'y' })).toThrow("CSV input: line 4: the target 'y' is empty;");
    expect(() => parseCsv('a,y\n1,a\n2,NA\n3,b\n', { target: 'y' })).toThrow("line 3: the target 'y' is missing ('NA')");
  });

  it('one-hot encodes text feature columns with sorted categories and records the encoding', () => {
    const ds = parseCsv('island,mass,y\nDream,1,a\nBiscoe,2,b\nDream,3,a\nTorgersen,4,b\n', { target: 'y' });
    expect(ds.featureNames).toEqual(['island=Biscoe', 'island=Dream', 'island=Torgersen', 'mass']);
    expect(ds.columns).toEqual([{ name: 'island', kind: 'categorical', categories: ['Biscoe', 'Dream', 'Torgersen'] }, { name: 'mass', kind: 'numeric' }]);
    expect(Array.from(ds.x.subarray(0, 8))).toEqual([0, 1, 0, 1, 1, 0, 0, 2]);
  });

  it('leaves out a text column with more than 50 distinct values (an identifier), with a note', () => {
    const ds = parseCsv(`name,a,y\n${rows(60, (i) => `person${i},${i},${i % 2}`)}\n`, { target: 'y' });
    expect(ds.featureNames).toEqual(['a']);
    expect(ds.notes?.[0]).toBe("column 'name' left out: more than 50 distinct text values (an identifier, not a category)");
  });

  it('names a stray text cell in a column of numbers', () => {
    expect(() => parseCsv('a,y\n1,0\n2,1\nabc,0\n4,1\n', { target: 'y' })).toThrow(
      "CSV input: line 4, column 'a': 'abc' is not a number; the column holds numbers, so fix the cell or leave it empty",
    );
  });

  const gappy = 'a,b,y\n1,x,0\nNA,y,1\n3,,0\n4,x,1\n5,y,0\n';

  it('--missing drop (the default) drops rows with missing feature cells and counts them', () => {
    const ds = parseCsv(gappy, { target: 'y' });
    expect(ds.n).toBe(3);
    expect(ds.notes).toContain('dropped 2 of 5 rows with missing feature values (--missing mean fills them instead)');
  });

  it('--missing mean keeps the rows with NaN cells, which standardising turns into the training mean', () => {
    const ds = parseCsv(gappy, { target: 'y', missing: 'mean' });
    expect(ds.n).toBe(5);
    expect(Number.isNaN(ds.x[3])).toBe(true); // row 2, column a
    expect([ds.x[7], ds.x[8]].every(Number.isNaN)).toBe(true); // row 3, both codes of b
    expect(ds.notes).toContain('filled the missing values of 2 rows with the training mean');
  });

  it('--missing error names the first missing cell', () => {
    expect(() => parseCsv(gappy, { target: 'y', missing: 'error' })).toThrow("CSV input: line 3, column 'a' is missing ('NA'); fill it in, or pass --missing drop or --missing mean");
  });

  it('reads the raw Palmer penguins file: categorical island and sex, NA cells dropped', () => {
    const ds = parseCsv(readFileSync(new URL('../fixtures/penguins/penguins.csv', import.meta.url), 'utf8'), { target: 'species', fileName: 'penguins.csv' });
    expect(ds.task).toBe('classification');
    expect(ds.classNames).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(ds.n).toBe(334);
    expect(ds.featureNames).toEqual(['island=Biscoe', 'island=Dream', 'island=Torgersen', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex=.', 'sex=female', 'sex=male']);
    expect(ds.notes).toEqual(['dropped 10 of 344 rows with missing feature values (--missing mean fills them instead)']);
  });

  it('refuses a binary file, naming the line of the NUL byte', () => {
    expect(() => parseCsv('a,b\n1,2\n3\u00004\n', { target: 'b', fileName: 'bin.csv' })).toThrow('bin.csv: line 3 holds a NUL byte; this is a binary file, not a text CSV file');
  });
});
