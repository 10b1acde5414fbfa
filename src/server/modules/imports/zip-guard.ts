/**
 * Checks an XLSX (a zip archive) before anything unpacks it for real: the central directory must
 * list a sane number of parts whose declared sizes and packing ratios are plausible, the parts must
 * follow one another without gaps, overlaps or hidden extras (so every reader sees the same parts),
 * no part may be an archive itself, and unpacking every part — counting bytes as they come, and rows,
 * columns and cell lengths of the sheets — must stay within the limits. A bomb is stopped after the
 * bytes that prove it, not after it has expanded.
 */
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { FileProblem, type FileLimits } from './limits.js';
import { XmlScanner } from './xml-scan.js';

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  size: number;
  offset: number;
  dataStart: number;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
/** Parts that are archives themselves: refused, an import never needs one. */
const NESTED = /\.(zip|xlsx|xlsm|xlsb|xls|docx|pptx|odt|ods|jar|gz|tgz|bz2|xz|7z|rar|cab)$/i;
const RATIO_FLOOR = 1024 * 1024;

const broken = () => new FileProblem('brokenXlsx');
const overlap = () => new FileProblem('overlap');

async function readAt(fh: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead !== length) throw broken();
  return buf;
}

/** The parts as the central directory declares them, checked against the local headers. */
async function directory(fh: fs.promises.FileHandle, fileSize: number, limits: FileLimits): Promise<Entry[]> {
  if (fileSize < 22) throw broken();
  const tailLen = Math.min(fileSize, 22 + 65535);
  const tail = await readAt(fh, fileSize - tailLen, tailLen);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw broken();
  const eocdPos = fileSize - tailLen + at;
  const count = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) throw broken();
  if (tail.readUInt16LE(at + 8) !== count) throw broken();
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
    throw new FileProblem('entries', { count: '65535+', max: limits.maxEntries });
  if (count > limits.maxEntries) throw new FileProblem('entries', { count, max: limits.maxEntries });
  if (count === 0 || cdOffset + cdSize !== eocdPos) throw overlap();

  const cd = await readAt(fh, cdOffset, cdSize);
  const entries: Entry[] = [];
  const names = new Set<string>();
  let p = 0;
  let declared = 0;
  let packed = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CEN) throw broken();
    const nameLen = cd.readUInt16LE(p + 28);
    const e: Entry = {
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      compressed: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      offset: cd.readUInt32LE(p + 42),
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      dataStart: 0,
    };
    p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    if (p > cd.length) throw broken();
    if (e.flags & 1) throw broken();
    if (e.method !== 0 && e.method !== 8) throw broken();
    if (e.size === 0xffffffff || e.compressed === 0xffffffff || e.offset === 0xffffffff)
      throw new FileProblem('expanded', { mb: Math.round(limits.maxExpandedBytes / 1048576) });
    if (NESTED.test(e.name)) throw new FileProblem('nested', { name: e.name.slice(0, 100) });
    if (names.has(e.name)) throw overlap();
    names.add(e.name);
    declared += e.size;
    packed += e.compressed;
    if (declared > limits.maxExpandedBytes)
      throw new FileProblem('expanded', { mb: Math.round(limits.maxExpandedBytes / 1048576) });
    if (e.size > RATIO_FLOOR && e.size > limits.maxRatio * Math.max(e.compressed, 1))
      throw new FileProblem('ratio', {
        ratio: Math.round(e.size / Math.max(e.compressed, 1)),
        max: limits.maxRatio,
      });
    entries.push(e);
  }
  if (p !== cd.length) throw broken();
  if (declared > RATIO_FLOOR && declared > limits.maxRatio * Math.max(packed, 1))
    throw new FileProblem('ratio', {
      ratio: Math.round(declared / Math.max(packed, 1)),
      max: limits.maxRatio,
    });

  // The parts must tile the archive: part after part from byte 0 up to the central directory.
  entries.sort((a, b) => a.offset - b.offset);
  let expected = 0;
  for (const e of entries) {
    if (e.offset !== expected) throw overlap();
    const loc = await readAt(fh, e.offset, 30);
    if (loc.readUInt32LE(0) !== LOC) throw overlap();
    const nameLen = loc.readUInt16LE(26);
    const extraLen = loc.readUInt16LE(28);
    const localName = (await readAt(fh, e.offset + 30, nameLen)).toString('utf8');
    if (localName !== e.name || loc.readUInt16LE(8) !== e.method) throw overlap();
    const localFlags = loc.readUInt16LE(6);
    if (!(localFlags & 8) && (loc.readUInt32LE(18) !== e.compressed || loc.readUInt32LE(22) !== e.size))
      throw overlap();
    e.dataStart = e.offset + 30 + nameLen + extraLen;
    expected = e.dataStart + e.compressed;
    if (localFlags & 8) {
      const d = await readAt(fh, expected, Math.min(16, cdOffset - expected));
      expected += d.length >= 4 && d.readUInt32LE(0) === DESCRIPTOR ? 16 : 12;
    }
    if (expected > cdOffset) throw overlap();
  }
  if (expected !== cdOffset) throw overlap();
  return entries;
}

const sheetName = (name: string) => /^xl\/worksheets\/([^/]+)\.xml$/i.exec(name)?.[1] ?? null;

/** Unpacks one part, counting; the XML of sheets and shared strings goes through a scanner. */
async function unpack(path: string, e: Entry, limits: FileLimits, total: { bytes: number }) {
  const sheet = sheetName(e.name);
  const scanner = sheet
    ? new XmlScanner('sheet', sheet, limits)
    : e.name === 'xl/sharedStrings.xml'
      ? new XmlScanner('sharedStrings', '', limits)
      : null;
  if (e.compressed === 0) {
    if (e.size !== 0 || e.method !== 0) throw broken();
    return;
  }
  const decoder = new StringDecoder('utf8');
  let out = 0;
  const input = fs.createReadStream(path, {
    start: e.dataStart,
    end: e.dataStart + e.compressed - 1,
    highWaterMark: 64 * 1024,
  });
  const stream = e.method === 8 ? input.pipe(zlib.createInflateRaw({ chunkSize: 64 * 1024 })) : input;
  const mb = Math.round(limits.maxExpandedBytes / 1048576);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      out += chunk.length;
      total.bytes += chunk.length;
      if (out > e.size) throw new FileProblem('entryLies', { name: e.name.slice(0, 100) });
      if (total.bytes > limits.maxExpandedBytes) throw new FileProblem('expanded', { mb });
      scanner?.write(decoder.write(chunk));
    }
    scanner?.write(decoder.end());
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw broken();
  } finally {
    input.destroy();
    stream.destroy();
  }
  if (out !== e.size) throw broken();
}

/** Throws a FileProblem when the XLSX at `path` is not safe to read with these limits. */
export async function guardXlsx(path: string, limits: FileLimits): Promise<void> {
  const fh = await fs.promises.open(path, 'r');
  let entries: Entry[];
  try {
    entries = await directory(fh, (await fh.stat()).size, limits);
  } finally {
    await fh.close();
  }
  const total = { bytes: 0 };
  for (const e of entries) await unpack(path, e, limits, total);
}
