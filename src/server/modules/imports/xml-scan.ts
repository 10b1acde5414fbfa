/**
 * Counts what an XLSX part holds while it is being unpacked, without building it: rows and cells of
 * a worksheet, the texts of the shared-strings part, and the length of every cell text. A part that
 * goes over a limit is refused at the first tag that does, so a bomb costs only what was read so far.
 */
import { FileProblem, type FileLimits } from './limits.js';

/** Longest tag (with its attributes) accepted; cells and rows need a few dozen characters. */
const MAX_TAG_CHARS = 64 * 1024;

/** "A1" → column 1, row 1; "XFD1048576" → 16384, 1048576 ("$" signs allowed). */
export function cellRef(ref: string): { col: number; row: number } | null {
  let col = 0;
  let row = 0;
  let letters = 0;
  let digits = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (ref.charCodeAt(i) === 36) continue;
    if (c >= 97 && c <= 122 && digits === 0) {
      col = col * 26 + (c - 96);
      if (++letters > 7) return null;
    } else if (ref.charCodeAt(i) >= 48 && ref.charCodeAt(i) <= 57 && letters > 0) {
      row = row * 10 + (ref.charCodeAt(i) - 48);
      if (++digits > 12) return null;
    } else return null;
  }
  return letters && digits ? { col, row } : null;
}

/** The value of attribute `name` in a tag, found without a regular expression (this runs per cell). */
function attr(tag: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at < 0) return null;
    from = at + name.length;
    const before = tag.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let i = from;
    while (tag.charCodeAt(i) === 32) i++;
    if (tag[i] !== '=') continue;
    i++;
    while (tag.charCodeAt(i) === 32) i++;
    const q = tag[i];
    if (q !== '"' && q !== "'") continue;
    const end = tag.indexOf(q, i + 1);
    return end < 0 ? null : tag.slice(i + 1, end);
  }
}

/** The local name of a tag: "<x:row r='1'>" → "row"; "</c>" → "/c". */
function tagName(tag: string): string {
  let i = 1;
  let close = '';
  if (tag.charCodeAt(1) === 47) {
    close = '/';
    i = 2;
  }
  let j = i;
  let colon = -1;
  for (; j < tag.length; j++) {
    const c = tag.charCodeAt(j);
    // whitespace, '/', '>'
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
    if (c === 58) colon = j;
  }
  return close + tag.slice(colon >= 0 ? colon + 1 : i, j);
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
    // A tag cut by the chunk boundary is finished first, so that the chunk itself is searched as it
    // came (a concatenated string makes every later search slow).
    let i = 0;
    const s = chunk;
    if (this.carry) {
      const gt = s.indexOf('>');
      if (gt < 0) {
        this.carry += s;
        if (this.carry.length > MAX_TAG_CHARS) throw new FileProblem('tag', { max: MAX_TAG_CHARS });
        return;
      }
      this.tag(this.carry + s.slice(0, gt + 1));
      this.carry = '';
      this.inTag = false;
      i = gt + 1;
    }
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
