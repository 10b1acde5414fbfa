import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

/** A moment as people in the tenant read it: "28/11/26 09.15.00" in the tenant's time zone. */
export const localTime = (iso: string | null, timeZone: string) =>
  iso ? new Date(iso).toLocaleString('id-ID', { timeZone, dateStyle: 'short', timeStyle: 'medium' }) : '';

export interface XlsxColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
  /** Keep as text (NIP, codes): Excel would otherwise turn long digit strings into 1.97E+17. */
  text?: boolean;
}

/**
 * Streams rows into an XLSX download: rows are written as they come, so a large export keeps
 * memory flat.
 */
export async function sendXlsx<T>(
  reply: FastifyReply,
  fileName: string,
  sheetName: string,
  columns: XlsxColumn<T>[],
  rows: AsyncIterable<T[]> | Iterable<T[]>,
  /** Optional "Petunjuk" sheet after the data: [term, explanation] lines. */
  guide?: readonly (readonly [string, string])[],
): Promise<FastifyReply> {
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width ?? 20,
    style: c.text ? { numFmt: '@' } : {},
  }));
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${fileName}"`);
  const done = (async () => {
    for await (const chunk of rows) {
      for (const r of chunk) ws.addRow(columns.map((c) => c.value(r) ?? null)).commit();
    }
    ws.commit();
    if (guide) {
      const g = wb.addWorksheet('Petunjuk');
      g.columns = [
        { key: 'term', width: 28 },
        { key: 'text', width: 100, style: { alignment: { wrapText: true, vertical: 'top' } } },
      ];
      for (const [term, text] of guide) g.addRow([term, text]).commit();
      g.commit();
    }
    await wb.commit();
  })();
  done.catch((e: unknown) => stream.destroy(e as Error));
  return reply.send(stream);
}
