/**
 * Counts what an XLSX part holds while it is being unpacked, without building it: rows and cells of
 * a worksheet, the texts of the shared-strings part, and the length of every cell text. A part that
 * goes over a limit is refused at the first tag that does, so a bomb costs only what was read so far.
 */
import { FileProblem, type FileLimits } from './limits.js';

/** Longest tag (with its attributes) accepted; cells and rows need a few dozen characters. */
const MAX_TAG_CHARS = 64 * 1024;

/** "A1" → column 1, row 1; "XFD1048576" → 16384, 1048576. */
export function cellRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,7})\$?(\d{1,12})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag);
  return m ? m[1]! : null;
};

/** The local name of a tag: "<x:row r='1'>" → "row"; "</c>" → "/c". */
function tagName(tag: string): string {
  let i = 1;
  let close = '';
  if (tag[1] === '/') {
    close = '/';
    i = 2;
  }
  let j = i;
  while (j < tag.length && !/[\s/>]/.test(tag[j]!)) j++;
  const full = tag.slice(i, j);
  const colon = full.indexOf(':');
  return close + (colon >= 0 ? full.slice(colon + 1) : full);
}

type Kind = 'sheet' | 'sharedStrings';

/** Feed it the text of one part, chunk by chunk; it throws a FileProblem at the first overrun. */
export class XmlScanner {
  private carry = '';
  private inTag = false;
  /** Characters of the text being counted (a cell value, an inline or shared string). */
  private textLen = -1;
  private rows = 0;
  private cols = 0;
  private rowNo = 0;
  private cellName = '';
  private strings = 0;

  constructor(
    private readonly kind: Kind,
    private readonly sheet: string,
    private readonly limits: FileLimits,
  ) {}

  write(chunk: string) {
    const s = this.carry + chunk;
    this.carry = '';
    let i = 0;
    while (i < s.length) {
      if (!this.inTag) {
        const lt = s.indexOf('<', i);
        const end = lt < 0 ? s.length : lt;
        if (this.textLen >= 0) this.addText(end - i);
        if (lt < 0) return;
        i = lt;
        this.inTag = true;
      }
      const gt = s.indexOf('>', i);
      if (gt < 0) {
        if (s.length - i > MAX_TAG_CHARS) throw new FileProblem('tag', { max: MAX_TAG_CHARS });
        this.carry = s.slice(i);
        return;
      }
      this.tag(s.slice(i, gt + 1));
      this.inTag = false;
      i = gt + 1;
    }
  }

  private addText(n: number) {
    this.textLen += n;
    if (this.textLen <= this.limits.maxCellChars) return;
    if (this.kind === 'sharedStrings')
      throw new FileProblem('sharedString', { index: this.strings, max: this.limits.maxCellChars });
    throw new FileProblem('cell', {
      sheet: this.sheet,
      cell: this.cellName || `R${this.rowNo}C${this.cols}`,
      max: this.limits.maxCellChars,
    });
  }

  private tag(tag: string) {
    if (tag.startsWith('<?') || tag.startsWith('<!')) return;
    const name = tagName(tag);
    const selfClosing = tag.endsWith('/>');
    if (this.kind === 'sharedStrings') return this.sharedTag(name, tag);
    switch (name) {
      case 'dimension': {
        const ref = attr(tag, 'ref') ?? '';
        const last = cellRef(ref.split(':').pop() ?? '');
        if (last && last.row > this.limits.maxRows)
          throw new FileProblem('rows', { sheet: this.sheet, max: this.limits.maxRows, found: last.row });
        return;
      }
      case 'row': {
        this.rows++;
        const r = Number(attr(tag, 'r') ?? this.rowNo + 1);
        this.rowNo = Number.isFinite(r) ? r : this.rowNo + 1;
        if (this.rows > this.limits.maxRows || this.rowNo > this.limits.maxRows)
          throw new FileProblem('rows', {
            sheet: this.sheet,
            max: this.limits.maxRows,
            found: Math.max(this.rows, this.rowNo),
          });
        this.cols = 0;
        return;
      }
      case 'c': {
        this.cols++;
        const ref = attr(tag, 'r');
        this.cellName = ref ?? '';
        const col = ref ? (cellRef(ref)?.col ?? 0) : this.cols;
        if (this.cols > this.limits.maxColumns || col > this.limits.maxColumns)
          throw new FileProblem('columns', {
            sheet: this.sheet,
            row: this.rowNo,
            max: this.limits.maxColumns,
          });
        return;
      }
      case 'v':
      case 't':
      case 'f':
        if (!selfClosing) this.textLen = 0;
        return;
      case '/v':
      case '/t':
      case '/f':
        this.textLen = -1;
        return;
      default:
        return;
    }
  }

  private sharedTag(name: string, tag: string) {
    switch (name) {
      case 'sst': {
        const declared = Number(attr(tag, 'uniqueCount') ?? 0);
        if (declared > this.limits.maxSharedStrings)
          throw new FileProblem('sharedStrings', { max: this.limits.maxSharedStrings });
        return;
      }
      case 'si':
        this.strings++;
        if (this.strings > this.limits.maxSharedStrings)
          throw new FileProblem('sharedStrings', { max: this.limits.maxSharedStrings });
        this.textLen = tag.endsWith('/>') ? -1 : 0;
        return;
      case '/si':
        this.textLen = -1;
        return;
      default:
        // Text inside <t> (also of rich-text runs) counts towards the string of the enclosing <si>.
        return;
    }
  }
}
