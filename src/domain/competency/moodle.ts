/**
 * Moodle competency-framework CSV (the format of Moodle's admin tool "tool_lpimportcsv").
 *
 * Format, as read from Moodle's importer/exporter and its test fixture:
 * - one header row, then one row per record, 14 positional columns (the importer ignores header names);
 * - exactly one row has a truthy "Is framework" column ('1'); it carries the framework's ID number, short
 *   name, description, scale values (comma separated), scale configuration (JSON) and the taxonomies
 *   (one per depth, comma separated); its parent, rule, related and exported-ID columns are empty;
 * - competency rows name their parent by ID number ('' = top level); rows may come in any order;
 * - scale configuration: `[{"scaleid":…},{"id":1,"scaledefault":1,"proficient":0},…]`, items numbered from 1;
 * - rule type is a PHP class name ('' = no rule), rule outcome an integer, rule config JSON or "null";
 *   the config refers to the "Exported ID" column of other rows;
 * - related ID numbers are comma separated, a comma inside an ID number is written as %2C;
 * - Moodle's writer is PHP fputcsv: comma, '"' enclosure, LF line ends; its reader turns CRLF/CR into LF and
 *   requires every row to have as many columns as the header.
 * - Both PHP's fputcsv and fgetcsv treat backslash as an escape character inside a quoted field: the
 *   character after a backslash never opens, closes or doubles an enclosure, and both characters stay in
 *   the value (`"a\"b"` reads as `a\"b`). Characters after a closing enclosure, up to the next comma, are
 *   appended to the value. Reader and writer here follow those rules (see `readCsv` and `csvField`).
 */

import { parseScale, scaleColumns, type MoodleScale } from './moodle-scale.js';

export type { MoodleScale } from './moodle-scale.js';

export interface MoodleFramework {
  idNumber: string;
  shortName: string;
  /** HTML allowed. */
  description: string;
  /** Moodle text format: 0 Moodle, 1 HTML, 2 plain, 4 Markdown. */
  descriptionFormat: number;
  scale: MoodleScale;
  /** Taxonomy per depth (Moodle: 'competency', 'domain', 'level', 'indicator', …). */
  taxonomies: string[];
}

export interface MoodleRule {
  /** PHP class, e.g. 'core_competency\\competency_rule_all'. */
  type: string;
  /** 0 none, 1 evidence, 2 recommend, 3 complete. */
  outcome: number;
  /** Raw JSON as Moodle stores it, null when Moodle wrote "null". */
  config: string | null;
}

export interface MoodleCompetency {
  idNumber: string;
  parentIdNumber: string | null;
  shortName: string;
  description: string;
  descriptionFormat: number;
  rule?: MoodleRule;
  related: string[];
  /** Competency-specific scale (Moodle allows overriding the framework's). */
  scale?: MoodleScale;
  /** Moodle's internal id from an export; rule configs refer to it. */
  exportId?: string;
}

export interface MoodleError {
  /** Spreadsheet row (header = 1). */
  row: number;
  /** 1-based column, null when the whole row or file is concerned. */
  column: number | null;
  message: string;
}

export type MoodleParseResult =
  | { ok: true; framework: MoodleFramework; competencies: MoodleCompetency[] }
  | { ok: false; errors: MoodleError[] };

/** Header row as Moodle's exporter writes it (English language strings of tool_lpimportcsv). */
export const MOODLE_HEADERS = [
  'Parent ID number',
  'ID number',
  'Short name',
  'Description',
  'Description format',
  'Scale values',
  'Scale configuration',
  'Rule type (optional)',
  'Rule outcome (optional)',
  'Rule config (optional)',
  'Cross-referenced competency ID numbers',
  'Exported ID (optional)',
  'Is framework',
  'Taxonomy',
] as const;

const COLUMN_COUNT = MOODLE_HEADERS.length;
const C = {
  parent: 0,
  idNumber: 1,
  shortName: 2,
  description: 3,
  descriptionFormat: 4,
  scaleValues: 5,
  scaleConfig: 6,
  ruleType: 7,
  ruleOutcome: 8,
  ruleConfig: 9,
  related: 10,
  exportId: 11,
  isFramework: 12,
  taxonomy: 13,
} as const;

// ---------------------------------------------------------------------------------------------- writing

/**
 * Quote like PHP fputcsv: when the field holds a delimiter, quote, line break, tab, space or backslash.
 * Inside the quotes a backslash and the character after it are written as they are (PHP's reader keeps
 * both and never treats that character as an enclosure), other quotes are doubled. A value ending in an
 * unpaired backslash cannot sit inside the quotes (it would escape the closing one), so that backslash
 * follows the closing quote, where PHP's reader appends it to the value.
 */
export function csvField(value: string): string {
  if (!/[",\r\n\t \\]/.test(value)) return value;
  let out = '';
  let i = 0;
  for (; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\') {
      if (i + 1 === value.length) break;
      out += ch + value[i + 1]!;
      i++;
    } else out += ch === '"' ? '""' : ch;
  }
  return i < value.length ? `"${out}"\\` : `"${out}"`;
}

/**
 * Records of CSV text with LF line ends, read as PHP's fgetcsv reads them (see the module comment):
 * `""` is a quote, a backslash keeps the next character literal (both stay), text after a closing quote
 * joins the value, quotes inside an unquoted field are literal. Empty lines are skipped. A quoted field that
 * never closes is reported with the text line where it opened.
 */
export function readCsv(text: string): { records: string[][] } | { unclosedAt: number } {
  const records: string[][] = [];
  let record: string[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // One field.
    let value = '';
    let j = i;
    while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
    if (j < n && text[j] === '"') {
      const openedAt = line;
      j++;
      for (;;) {
        if (j >= n) return { unclosedAt: openedAt };
        const ch = text[j]!;
        if (ch === '\\' && j + 1 < n) {
          value += ch + text[j + 1]!;
          if (text[j + 1] === '\n') line++;
          j += 2;
        } else if (ch === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
          } else {
            j++;
            break;
          }
        } else {
          if (ch === '\n') line++;
          value += ch;
          j++;
        }
      }
    } else j = i;
    while (j < n && text[j] !== ',' && text[j] !== '\n') value += text[j++]!;
    record.push(value);
    if (j < n && text[j] === ',') {
      i = j + 1;
      if (i === n) record.push('');
      continue;
    }
    // End of line or of text.
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
    line++;
    i = j + 1;
  }
  if (record.length) records.push(record);
  return { records };
}

/** CSV text in Moodle's export layout (LF line ends, as PHP fputcsv writes them). */
export function writeMoodleFramework(framework: MoodleFramework, competencies: MoodleCompetency[]): string {
  const rows: string[][] = [[...MOODLE_HEADERS]];
  const [fwValues, fwConfig] = scaleColumns(framework.scale);
  rows.push([
    '',
    framework.idNumber,
    framework.shortName,
    framework.description,
    String(framework.descriptionFormat),
    fwValues,
    fwConfig,
    '',
    '',
    '',
    '',
    '',
    '1',
    framework.taxonomies.join(','),
  ]);
  for (const c of competencies) {
    const [values, config] = scaleColumns(c.scale);
    rows.push([
      c.parentIdNumber ?? '',
      c.idNumber,
      c.shortName,
      c.description,
      String(c.descriptionFormat),
      values,
      config,
      c.rule?.type ?? '',
      String(c.rule?.outcome ?? 0),
      c.rule?.config ?? 'null',
      c.related.map((id) => id.replaceAll(',', '%2C')).join(','),
      c.exportId ?? '',
      '',
      '',
    ]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------- reading

const col = (i: number): number => i + 1;
const SCALE_COLUMNS = { values: col(C.scaleValues), config: col(C.scaleConfig) };

function parseFormat(text: string, row: number, errors: MoodleError[]): number {
  if (text.trim() === '') return 1;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    errors.push({
      row,
      column: col(C.descriptionFormat),
      message: `Format deskripsi "${text}" bukan bilangan bulat.`,
    });
    return 1;
  }
  return n;
}

function splitList(text: string): string[] {
  return text === '' ? [] : text.split(',').map((id) => id.replaceAll('%2C', ','));
}

/** Read a competency framework exported by Moodle (or written by `writeMoodleFramework`). */
export function parseMoodleFramework(csvText: string): MoodleParseResult {
  // Like Moodle's reader: drop the BOM and turn CRLF/CR into LF (inside quoted fields too).
  const text = csvText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const read = readCsv(text);
  if ('unclosedAt' in read) {
    return {
      ok: false,
      errors: [
        {
          row: 1,
          column: null,
          message: `Berkas CSV tidak dapat dibaca: tanda kutip yang dibuka di baris teks ${read.unclosedAt} tidak pernah ditutup.`,
        },
      ],
    };
  }
  const records = read.records;
  const errors: MoodleError[] = [];
  if (records.length === 0) {
    return { ok: false, errors: [{ row: 1, column: null, message: 'Berkas CSV kosong.' }] };
  }
  records.forEach((r, i) => {
    if (r.length !== COLUMN_COUNT) {
      errors.push({
        row: i + 1,
        column: null,
        message: `Baris ini memiliki ${r.length} kolom; format kerangka kompetensi Moodle memerlukan ${COLUMN_COUNT} kolom.`,
      });
    }
  });
  if (errors.length > 0) return { ok: false, errors };

  let framework: MoodleFramework | undefined;
  let frameworkRow = 0;
  const competencies: MoodleCompetency[] = [];
  const rowOf = new Map<string, number>();
  for (let i = 1; i < records.length; i++) {
    const r = records[i]!;
    const row = i + 1;
    const v = (c: number): string => r[c] ?? '';
    const idNumber = v(C.idNumber).trim();
    const shortName = v(C.shortName);
    if (idNumber === '') errors.push({ row, column: col(C.idNumber), message: 'Nomor ID kosong.' });
    if (shortName.trim() === '')
      errors.push({ row, column: col(C.shortName), message: 'Nama singkat kosong.' });
    const flag = v(C.isFramework).trim();
    // PHP truthiness, as Moodle's importer tests the column: '' and '0' are false.
    if (flag !== '' && flag !== '0') {
      if (framework) {
        errors.push({
          row,
          column: col(C.isFramework),
          message: `Hanya boleh ada satu baris kerangka; baris ${frameworkRow} sudah menjadi kerangka.`,
        });
        continue;
      }
      frameworkRow = row;
      const scale = parseScale(v(C.scaleValues), v(C.scaleConfig), row, errors, SCALE_COLUMNS);
      framework = {
        idNumber,
        shortName,
        description: v(C.description),
        descriptionFormat: parseFormat(v(C.descriptionFormat), row, errors),
        scale: scale ?? { values: [], defaultIndex: 0, proficientIndexes: [] },
        taxonomies: splitList(v(C.taxonomy).trim()).map((t) => t.trim()),
      };
      continue;
    }
    const prev = rowOf.get(idNumber);
    if (idNumber !== '' && prev !== undefined) {
      errors.push({
        row,
        column: col(C.idNumber),
        message: `Nomor ID "${idNumber}" sudah dipakai di baris ${prev}.`,
      });
    } else if (idNumber !== '') rowOf.set(idNumber, row);

    const c: MoodleCompetency = {
      idNumber,
      parentIdNumber: v(C.parent).trim() === '' ? null : v(C.parent).trim(),
      shortName,
      description: v(C.description),
      descriptionFormat: parseFormat(v(C.descriptionFormat), row, errors),
      related: splitList(v(C.related).trim()).map((id) => id.trim()),
    };
    const ruleType = v(C.ruleType).trim();
    if (ruleType !== '') {
      const outcome = Number(v(C.ruleOutcome).trim() || '0');
      if (!Number.isInteger(outcome) || outcome < 0) {
        errors.push({ row, column: col(C.ruleOutcome), message: 'Hasil aturan harus bilangan bulat.' });
      }
      const raw = v(C.ruleConfig).trim();
      const config = raw === '' || raw === 'null' ? null : raw;
      if (config !== null) {
        try {
          JSON.parse(config);
        } catch {
          errors.push({ row, column: col(C.ruleConfig), message: 'Konfigurasi aturan bukan JSON yang sah.' });
        }
      }
      c.rule = { type: ruleType, outcome, config };
    }
    if (v(C.scaleValues).trim() !== '') {
      const scale = parseScale(v(C.scaleValues), v(C.scaleConfig), row, errors, SCALE_COLUMNS);
      if (scale) c.scale = scale;
    }
    if (v(C.exportId).trim() !== '') c.exportId = v(C.exportId).trim();
    competencies.push(c);
  }
  if (!framework) {
    errors.push({
      row: 1,
      column: col(C.isFramework),
      message: 'Tidak ada baris kerangka (kolom "Is framework" = 1).',
    });
  }

  // References: parents and related ID numbers must exist; parents must not form a cycle.
  const byId = new Map(competencies.map((c) => [c.idNumber, c]));
  competencies.forEach((c) => {
    const row = rowOf.get(c.idNumber) ?? 1;
    if (c.parentIdNumber !== null && !byId.has(c.parentIdNumber)) {
      errors.push({ row, column: col(C.parent), message: `Induk "${c.parentIdNumber}" tidak ditemukan.` });
    }
    for (const id of c.related) {
      if (!byId.has(id)) {
        errors.push({ row, column: col(C.related), message: `Kompetensi terkait "${id}" tidak ditemukan.` });
      }
    }
  });
  const reported = new Set<string>();
  for (const c of competencies) {
    const seen = new Set<string>();
    let cur: MoodleCompetency | undefined = c;
    while (cur && cur.parentIdNumber !== null && !seen.has(cur.idNumber)) {
      seen.add(cur.idNumber);
      cur = byId.get(cur.parentIdNumber);
    }
    if (cur && seen.has(cur.idNumber) && !reported.has(cur.idNumber)) {
      const cycle: string[] = [];
      let x: MoodleCompetency | undefined = cur;
      do {
        cycle.push(x!.idNumber);
        reported.add(x!.idNumber);
        x = byId.get(x!.parentIdNumber ?? '');
      } while (x && x !== cur);
      errors.push({
        row: rowOf.get(cur.idNumber) ?? 1,
        column: col(C.parent),
        message: `Hubungan induk membentuk siklus: ${[...cycle, cur.idNumber].join(' → ')}.`,
      });
    }
  }
  if (errors.length > 0 || !framework) {
    return { ok: false, errors: errors.sort((a, b) => a.row - b.row || (a.column ?? 0) - (b.column ?? 0)) };
  }
  return { ok: true, framework, competencies };
}
