import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanCsv } from './csv-scan.js';
import { DEFAULT_LIMITS, FileProblem, type FileLimits } from './limits.js';
import { cellRef, XmlScanner } from './xml-scan.js';

const limits: FileLimits = {
  ...DEFAULT_LIMITS,
  maxRows: 5,
  maxColumns: 3,
  maxCellChars: 10,
  maxLineChars: 40,
};

function scanXml(xml: string, size: number, kind: 'sheet' | 'sharedStrings' = 'sheet'): FileProblem | null {
  const s = new XmlScanner(kind, 'sheet1', limits);
  try {
    for (let i = 0; i < xml.length; i += size) s.write(xml.slice(i, i + size));
    return null;
  } catch (e) {
    if (e instanceof FileProblem) return e;
    throw e;
  }
}

const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => `<row r="${i + 1}">${cell(`A${i + 1}`, 'abc')}</row>`).join('');
const sheet = (body: string) => `<?xml version="1.0"?><worksheet><sheetData>${body}</sheetData></worksheet>`;

describe('sheet scan', () => {
  it('reads cell references', () => {
    expect(cellRef('A1')).toEqual({ col: 1, row: 1 });
    expect(cellRef('$XFD$1048576')).toEqual({ col: 16384, row: 1048576 });
    expect(cellRef('1A')).toBeNull();
  });

  it('gives the same verdict however the text is cut into chunks', () => {
    for (const size of [1, 2, 3, 7, 64, 100_000]) {
      expect(scanXml(sheet(rows(5)), size)).toBeNull();
      expect(scanXml(sheet(rows(6)), size)?.key).toBe('rows');
      expect(scanXml(sheet(`<row r="1">${cell('A1', 'x'.repeat(11))}</row>`), size)?.params).toMatchObject({
        cell: 'A1',
      });
      expect(scanXml(sheet(`<row r="1">${cell('D1', 'x')}</row>`), size)?.key).toBe('columns');
      expect(scanXml(sheet(`<row>${'<c><v>1</v></c>'.repeat(4)}</row>`), size)?.key).toBe('columns');
      expect(
        scanXml('<sst><si><r><t>12345</t></r><r><t>678901</t></r></si></sst>', size, 'sharedStrings')?.key,
      ).toBe('sharedString');
      expect(scanXml('<x:sst><x:si><x:t>1234567890</x:t></x:si></x:sst>', size, 'sharedStrings')).toBeNull();
    }
  });

  it('takes the declared dimension at its word', () => {
    expect(scanXml(sheet('').replace('<sheetData>', '<dimension ref="A1:C6"/><sheetData>'), 5)?.key).toBe(
      'rows',
    );
    expect(scanXml(sheet('').replace('<sheetData>', '<dimension ref="A1:C5"/><sheetData>'), 5)).toBeNull();
  });
});

describe('CSV scan', () => {
  const scan = async (text: string) => {
    const file = path.join(os.tmpdir(), `asah-scan-${process.pid}-${Math.random()}`);
    fs.writeFileSync(file, text);
    try {
      await scanCsv(file, ',', limits);
      return null;
    } catch (e) {
      if (e instanceof FileProblem) return e;
      throw e;
    } finally {
      fs.rmSync(file, { force: true });
    }
  };

  it('counts records, not lines, and no record after the last line end', async () => {
    expect(await scan('a,b\n1,2\n3,4\n5,6\n7,8\n')).toBeNull();
    expect(await scan('a,b\r\n"x\ny",2\r\n3,4\r\n5,6\r\n7,8')).toBeNull();
    expect((await scan('a,b\n1,2\n3,4\n5,6\n7,8\n9'))?.params).toMatchObject({ found: 6 });
  });

  it('names the cell, the line and the columns over the limit', async () => {
    expect((await scan('a,b\n1,"12345678901"\n'))?.params).toMatchObject({ cell: 'B2' });
    expect(await scan('a,b\n1,"12345""6789"\n')).toBeNull();
    expect((await scan('a,b,c,d\n'))?.key).toBe('columns');
    expect((await scan('1234567890,1234567890,1234567890\n1234567890,1234567890,1234567890,1\n'))?.key).toBe(
      'columns',
    );
    expect((await scan('1234567890,1234567890,1234567890,\n'))?.key).toBe('columns');
    expect((await scan(`"${'123456789,'.repeat(5)}"`))?.key).toBe('cell');
  });
});
