import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../src/skills/partners/import/partner-csv-reader.js';
import { PartnerImportError } from '../../../../src/skills/partners/import/partner-import.js';

describe('readCsv', () => {
  it('reads quoted cells, escaped quotes and line breaks inside quotes, keeping each record’s first line', () => {
    const csv =
      'Partner ID,Partner name,Groups\r\n100,"Deals, Inc.","A;B"\r\n101,"The ""Best"" Deals","multi\nline"\n102,Plain,\n';
    expect(readCsv(csv)).toEqual([
      { line: 1, cells: ['Partner ID', 'Partner name', 'Groups'] },
      { line: 2, cells: ['100', 'Deals, Inc.', 'A;B'] },
      { line: 3, cells: ['101', 'The "Best" Deals', 'multi\nline'] },
      { line: 5, cells: ['102', 'Plain', ''] },
    ]);
  });

  it('skips blank lines and a byte-order mark, and reads semicolon files', () => {
    const csv = '\uFEFFpartner_id;name\n\n7;Seven\n\n8;Eight';
    expect(readCsv(csv)).toEqual([
      { line: 1, cells: ['partner_id', 'name'] },
      { line: 3, cells: ['7', 'Seven'] },
      { line: 5, cells: ['8', 'Eight'] },
    ]);
  });
});

describe('readCsv with a quote that is never closed', () => {
  it('refuses the file, naming the line where the quote opened, instead of reading the rest as one cell', () => {
    const csv = 'Partner ID,Partner name,Country\n1,"Acme,CA\n2,Beta,CA\n3,Gamma,CA\n';
    expect(() => readCsv(csv)).toThrow(PartnerImportError);
    expect(() => readCsv(csv)).toThrow(/line 2/);
  });

  it('still reads a quoted cell that closes on a later line', () => {
    expect(readCsv('a,b\n1,"x\ny"\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x\ny'] },
    ]);
  });
});
