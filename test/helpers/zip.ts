/**
 * A small zip writer for tests that need hostile archives: parts may declare sizes they do not
 * have, share their bytes with other parts, or be packed from a repeated block so that a file of a
 * few hundred kilobytes unpacks to a gigabyte — without the test ever holding the gigabyte.
 */
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Stored data, deflated here. */
  data?: Buffer | string;
  /** Already deflated (raw) data, with its real unpacked size. */
  deflated?: { bytes: Buffer; size: number };
  /** What the directory claims the part unpacks to (default: the truth). */
  declaredSize?: number;
}

export interface ZipOptions {
  /** Directory entries that point at the local header of an earlier part (overlapping parts). */
  aliases?: { name: string; of: string }[];
}

/**
 * Raw deflate of `head`, then `times` copies of `block`, then `tail`, without building the whole:
 * a full flush after each piece resets the compressor, so the same block compresses to the same
 * bytes every time and the pieces can simply be concatenated.
 */
export function repeatDeflate(
  block: string,
  times: number,
  head = '',
  tail = '',
): { bytes: Buffer; size: number } {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const b = zlib.deflateRawSync(Buffer.from(block), flush);
  const parts = [zlib.deflateRawSync(Buffer.from(head), flush)];
  for (let i = 0; i < times; i++) parts.push(b);
  parts.push(zlib.deflateRawSync(Buffer.from(tail)));
  return {
    bytes: Buffer.concat(parts),
    size: Buffer.byteLength(head) + Buffer.byteLength(block) * times + Buffer.byteLength(tail),
  };
}

export function zip(parts: ZipPart[], o: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  const at = new Map<string, { offset: number; cen: Buffer }>();
  let offset = 0;
  for (const p of parts) {
    const raw = p.data === undefined ? null : Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data);
    const packed = p.deflated ?? { bytes: zlib.deflateRawSync(raw!), size: raw!.length };
    const size = p.declaredSize ?? packed.size;
    const crc = raw ? zlib.crc32(raw) : 0;
    const name = Buffer.from(p.name);
    const loc = Buffer.alloc(30);
    loc.writeUInt32LE(0x04034b50, 0);
    loc.writeUInt16LE(20, 4);
    loc.writeUInt16LE(0x0800, 6);
    loc.writeUInt16LE(8, 8);
    loc.writeUInt32LE(crc, 14);
    loc.writeUInt32LE(packed.bytes.length, 18);
    loc.writeUInt32LE(size, 22);
    loc.writeUInt16LE(name.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(packed.bytes.length, 20);
    cen.writeUInt32LE(size, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    central.push(cen, name);
    at.set(p.name, { offset, cen });
    locals.push(loc, name, packed.bytes);
    offset += 30 + name.length + packed.bytes.length;
  }
  for (const a of o.aliases ?? []) {
    const target = at.get(a.of)!;
    const cen = Buffer.from(target.cen);
    const name = Buffer.from(a.name);
    cen.writeUInt16LE(name.length, 28);
    central.push(cen, name);
  }
  const cd = Buffer.concat(central);
  const count = parts.length + (o.aliases?.length ?? 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The parts of a one-sheet workbook around the given sheet (and, optionally, shared strings). */
export function workbook(
  sheet: ZipPart['deflated'] | string,
  sharedStrings?: ZipPart['deflated'] | string,
): ZipPart[] {
  const part = (name: string, v: ZipPart['deflated'] | string): ZipPart =>
    typeof v === 'string' ? { name, data: v } : { name, deflated: v };
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Pegawai" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    ...(sharedStrings === undefined ? [] : [part('xl/sharedStrings.xml', sharedStrings)]),
    part('xl/worksheets/sheet1.xml', sheet),
  ];
}

export const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
