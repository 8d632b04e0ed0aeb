import { ActlabError } from '../util/errors.js';

/** One record of a CSV text: its fields and the line of the file it starts on (1-based). */
export interface CsvRecord {
  /** Line number of the record's first character (a quoted field may span several lines). */
  line: number;
  /** Field values, quotes removed and doubled quotes undone. */
  fields: string[];
  /** True for an empty or whitespace-only line. */
  blank: boolean;
}

/**
 * Splits CSV text into records by RFC 4180: fields separated by commas, records by CRLF, LF or CR; a
 * field in double quotes may hold commas, line breaks and doubled quotes (""). A leading byte-order
 * mark is skipped. Throws ActlabError, prefixed with `label`, on an unterminated quoted field, on text
 * after a closing quote, and on a quote inside an unquoted field.
 */
export function readCsvRecords(text: string, label: string): CsvRecord[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  while (i < s.length) {
    const start = line;
    const fields: string[] = [];
    let anyQuoted = false;
    for (;;) {
      let value = '';
      if (s[i] === '"') {
        anyQuoted = true;
        const fieldLine = line;
        i++;
        for (;;) {
          const q = s.indexOf('"', i);
          if (q < 0) {
            throw new ActlabError(`${label}: line ${fieldLine}, field ${fields.length + 1}: the quoted field is never closed; add the closing double quote`);
          }
          const chunk = s.slice(i, q);
          line += countLineBreaks(chunk);
          value += chunk;
          if (s[q + 1] === '"') {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        if (i < s.length && s[i] !== ',' && s[i] !== '\n' && s[i] !== '\r') {
          throw new ActlabError(`${label}: line ${line}, field ${fields.length + 1}: text after the closing quote; put the whole field inside the quotes`);
        }
      } else {
        let j = i;
        while (j < s.length && s[j] !== ',' && s[j] !== '\n' && s[j] !== '\r') j++;
        value = s.slice(i, j);
        if (value.includes('"')) {
          throw new ActlabError(`${label}: line ${line}, field ${fields.length + 1}: a quote inside an unquoted field; quote the whole field and double the inner quotes ("")`);
        }
        i = j;
      }
      fields.push(value);
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === '\r') i += s[i + 1] === '\n' ? 2 : 1;
      else if (s[i] === '\n') i++;
      line++;
      break;
    }
    records.push({ line: start, fields, blank: !anyQuoted && fields.length === 1 && fields[0].trim() === '' });
  }
  return records;
}

/** Number of line breaks (CRLF, LF or lone CR) in `chunk`. */
function countLineBreaks(chunk: string): number {
  let count = 0;
  for (let k = 0; k < chunk.length; k++) {
    if (chunk[k] === '\n') count++;
    else if (chunk[k] === '\r' && chunk[k + 1] !== '\n') count++;
  }
  return count;
}
