import { PartnerImportError } from './partner-import-error.js';

/** One CSV record and the line of the file it starts on (the header is line 1). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/** The delimiter of the header line: a comma unless the line has only semicolons or tabs. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  if (count(',') > 0) return ',';
  if (count(';') > 0) return ';';
  if (count('\t') > 0) return '\t';
  return ',';
}

/**
 * Parses CSV text (RFC 4180: quoted cells, "" escapes, line breaks inside
 * quotes, CRLF or LF, a UTF-8 byte-order mark) into records with their line
 * numbers, so errors can point at the line a spreadsheet shows. Blank lines are skipped.
 * A quote still open at the end of the file is refused (PartnerImportError
 * naming the line it opened on): read on, it would swallow every later row.
 */
export function readCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let cellStarted = false;
  let quoteLine = 1;

  const endCell = () => {
    cells.push(cell);
    cell = '';
    cellStarted = false;
  };
  const endRecord = () => {
    endCell();
    if (!(cells.length === 1 && cells[0]!.trim() === '')) records.push({ line: recordLine, cells });
    cells = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && !cellStarted) {
      quoted = true;
      cellStarted = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      endCell();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      cell += ch;
      if (ch.trim() !== '') cellStarted = true;
    }
  }
  if (quoted) {
    throw new PartnerImportError(
      `The quote (") opened on line ${quoteLine} is never closed, so every line after it would be read as one cell. Close the quote on line ${quoteLine} (or double a quote inside a cell as "").`,
    );
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
