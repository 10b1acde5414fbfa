/**
 * Readable text out of downloaded bytes, for checks that a download does (not) contain a name:
 * a ZIP (XLSX) has each entry inflated, a PDF has its streams inflated and its text objects decoded
 * through each font's ToUnicode map (pdfmake writes glyph ids, not letters).
 */
import zlib from 'node:zlib';

/** Every entry of a ZIP archive (XLSX, DOCX …) as text, joined. */
export function unzipText(buf: Buffer): string {
  const out: string[] = [];
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return buf.toString('latin1');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.push((method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out.join('\n');
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function pdfObjects(buf: Buffer): Map<number, PdfObject> {
  const text = buf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = text.indexOf('endobj', m.index);
    const body = text.slice(m.index + m[0].length, end);
    const s = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (s >= 0) {
      dict = body.slice(0, s);
      let from = m.index + m[0].length + s + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const to = text.indexOf('endstream', from);
      const raw = buf.subarray(from, to);
      try {
        stream = /FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw;
      } catch {
        stream = raw;
      }
    }
    objects.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return objects;
}

/** glyph id (hex) → text, from a ToUnicode CMap (bfchar, bfrange with a start or an array). */
function cmapOf(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const u16 = (hex: string) => {
    let s = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return s;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g))
      map.set(parseInt(src!, 16), u16(dst!.replace(/\s+/g, '')));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const a = parseInt(lo!, 16);
      const b = parseInt(hi!, 16);
      if (rest!.startsWith('[')) {
        // An entry may hold several code points ("<0066 0069>" for the fi ligature).
        const items = [...rest!.matchAll(/<([0-9a-fA-F\s]*)>/g)].map((x) => u16(x[1]!.replace(/\s+/g, '')));
        items.forEach((v, i) => map.set(a + i, v));
      } else {
        const base = parseInt(rest!.slice(1, -1), 16);
        for (let g = a; g <= b; g++) map.set(g, String.fromCharCode(base + g - a));
      }
    }
  }
  return map;
}

/** The text a PDF shows, page by page, decoded with the font each text run uses. */
export function pdfText(buf: Buffer): string {
  const objects = pdfObjects(buf);
  const ref = (dict: string, key: string) => {
    const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
    return m ? objects.get(Number(m[1])) : undefined;
  };
  const out: string[] = [];
  for (const obj of objects.values()) {
    if (!/\/Type\s*\/Page\b/.test(obj.dict)) continue;
    let resources = obj.dict;
    const resRef = ref(obj.dict, 'Resources');
    if (resRef) resources = resRef.dict;
    const fonts = new Map<string, Map<number, string>>();
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    for (const [, name, num] of fontDict.matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(num));
      const tu = font && ref(font.dict, 'ToUnicode');
      fonts.set(name!, tu?.stream ? cmapOf(tu.stream.toString('latin1')) : new Map());
    }
    const contents = ref(obj.dict, 'Contents');
    const ops = contents?.stream?.toString('latin1') ?? '';
    let cmap = new Map<number, string>();
    for (const [, font, tj] of ops.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|(\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)/g)) {
      if (font) cmap = fonts.get(font) ?? new Map();
      else
        out.push(
          [...tj!.matchAll(/<([0-9a-fA-F]*)>/g)]
            .map(([, hex]) => {
              let s = '';
              for (let i = 0; i + 4 <= hex!.length; i += 4)
                s += cmap.get(parseInt(hex!.slice(i, i + 4), 16)) ?? '';
              return s;
            })
            .join(''),
        );
    }
  }
  return out.join('\n');
}
