/**
 * Asah's kamus kompetensi ↔ Moodle competency framework.
 *
 * Export layout: one top-level Moodle competency per group ('M', 'SK', 'T'), each Asah competency under its
 * group (idnumber = code, short name = name, description = definition), and each proficiency level as a child
 * of its competency (idnumber `<code>-L<n>`, short name `Level <n> — <title>`, description = the level
 * description as <p> plus a <ul> of behavioural indicators). Taxonomies: domain → competency → level.
 *
 * Related competencies: Moodle relations are symmetric and carry no order, and the order of levels is already
 * held by the `-L<n>` idnumbers, so the cross-references only make the ladder visible inside Moodle: level n
 * is related to the next level present (written on both rows, as Moodle's exporter does). On import the level number is
 * taken from the idnumber, never from the relations, so a relation edited in Moodle cannot reorder levels;
 * relations other than this ladder have no place in Asah's dictionary and are reported as dropped.
 *
 * Text is stored HTML-escaped (short names: & < >; descriptions: also quotes), which is how Moodle itself
 * displays plain text; on import entities are decoded. Moodle cuts short names and idnumbers to 100
 * characters on import, so longer ones are reported as warnings on export.
 */

import type { MoodleCompetency, MoodleFramework, MoodleScale } from './moodle.js';

export type AsahGroup = 'M' | 'SK' | 'T';

export interface AsahLevel {
  level: number;
  title: string;
  description: string;
  indicators: string[];
}

export interface AsahDictionaryEntry {
  code: string;
  name: string;
  definition: string;
  group: AsahGroup;
  levels: AsahLevel[];
}

export interface FrameworkInfo {
  idNumber: string;
  shortName: string;
  /** HTML allowed. */
  description: string;
  scale?: MoodleScale;
}

export const GROUP_NAMES: Record<AsahGroup, string> = {
  M: 'Kompetensi Manajerial',
  SK: 'Kompetensi Sosial Kultural',
  T: 'Kompetensi Teknis',
};
const GROUPS: readonly AsahGroup[] = ['M', 'SK', 'T'];
const isGroup = (s: string): s is AsahGroup => (GROUPS as readonly string[]).includes(s);

/** Used when the caller gives none: Asah's five proficiency levels, level 3 being the usual requirement. */
export const DEFAULT_SCALE: MoodleScale = {
  values: ['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5'],
  defaultIndex: 0,
  proficientIndexes: [2, 3, 4],
};

const MOODLE_MAX = 100;
const LEVEL_SEPARATOR = ' — ';

const escText = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escHtml = (s: string): string => escText(s).replaceAll('"', '&quot;').replaceAll("'", '&#39;');

function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return named[e.toLowerCase()] ?? m;
  });
}

/** Plain text of a Moodle description written by someone else (tags dropped, breaks kept). */
function htmlToText(html: string): string {
  // Source line breaks are plain whitespace in HTML; only <br> and block ends break lines.
  const text = html
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const paragraph = (text: string): string => `<p>${escHtml(text)}</p>`;

function readParagraph(html: string): string {
  const m = /^<p>([^<]*)<\/p>$/.exec(html);
  return m ? decodeEntities(m[1]!) : htmlToText(html);
}

function levelHtml(level: AsahLevel): string {
  const list = level.indicators.length
    ? `<ul>${level.indicators.map((i) => `<li>${escHtml(i)}</li>`).join('')}</ul>`
    : '';
  return paragraph(level.description) + list;
}

function readLevelHtml(html: string): { description: string; indicators: string[] } {
  const exact = /^<p>([^<]*)<\/p>(?:<ul>((?:<li>[^<]*<\/li>)*)<\/ul>)?$/.exec(html);
  if (exact) {
    const items = [...(exact[2] ?? '').matchAll(/<li>([^<]*)<\/li>/g)].map((m) => decodeEntities(m[1]!));
    return { description: decodeEntities(exact[1]!), indicators: items };
  }
  // Edited in Moodle: indicators are whatever list items there are, the rest is the description.
  const indicators = [...html.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/gi)].map((m) => htmlToText(m[1]!));
  return { description: htmlToText(html.replace(/<(ul|ol)[^>]*>[\s\S]*?<\/\1>/gi, '')), indicators };
}

export const levelIdNumber = (code: string, level: number): string => `${code}-L${level}`;

export interface DictionaryExport {
  framework: MoodleFramework;
  competencies: MoodleCompetency[];
  /** Things Moodle will change on import (e.g. short names cut to 100 characters). */
  warnings: string[];
}

export function dictionaryToMoodle(dictionary: AsahDictionaryEntry[], info: FrameworkInfo): DictionaryExport {
  const warnings: string[] = [];
  const used = new Set<string>();
  const claim = (id: string): void => {
    if (used.has(id)) throw new Error(`Nomor ID Moodle "${id}" akan muncul dua kali.`);
    used.add(id);
  };
  const check = (c: MoodleCompetency): MoodleCompetency => {
    if (c.shortName.length > MOODLE_MAX) {
      warnings.push(
        `Nama singkat "${c.idNumber}" lebih dari ${MOODLE_MAX} karakter; Moodle akan memotongnya.`,
      );
    }
    if (c.idNumber.length > MOODLE_MAX) {
      warnings.push(`Nomor ID "${c.idNumber}" lebih dari ${MOODLE_MAX} karakter; Moodle akan memotongnya.`);
    }
    return c;
  };

  const groups = GROUPS.filter((g) => dictionary.some((e) => e.group === g));
  const competencies: MoodleCompetency[] = groups.map((g) => {
    claim(g);
    return {
      idNumber: g,
      parentIdNumber: null,
      shortName: GROUP_NAMES[g],
      description: '',
      descriptionFormat: 1,
      related: [],
    };
  });
  for (const e of dictionary) {
    claim(e.code);
    competencies.push(
      check({
        idNumber: e.code,
        parentIdNumber: e.group,
        shortName: escText(e.name),
        description: paragraph(e.definition),
        descriptionFormat: 1,
        related: [],
      }),
    );
    e.levels.forEach((l, i) => {
      const id = levelIdNumber(e.code, l.level);
      claim(id);
      const neighbours = [e.levels[i - 1], e.levels[i + 1]].filter((n) => n !== undefined);
      competencies.push(
        check({
          idNumber: id,
          parentIdNumber: e.code,
          shortName: escText(`Level ${l.level}${LEVEL_SEPARATOR}${l.title}`),
          description: levelHtml(l),
          descriptionFormat: 1,
          related: neighbours.map((n) => levelIdNumber(e.code, n.level)),
        }),
      );
    });
  }
  const framework: MoodleFramework = {
    idNumber: info.idNumber,
    shortName: info.shortName,
    description: info.description,
    descriptionFormat: 1,
    scale: info.scale ?? DEFAULT_SCALE,
    taxonomies: ['domain', 'competency', 'level'],
  };
  return { framework, competencies, warnings };
}

export type MappingKind =
  /** Asah convention: competency with `-L<n>` level children. */
  | 'levels'
  /** No level children (e.g. a framework made in Moodle): entry with empty levels, code = Moodle idnumber. */
  | 'no-levels'
  /** A group node 'M' / 'SK' / 'T': not an entry, sets the group of its descendants. */
  | 'group'
  /** A level child, folded into its competency. */
  | 'level';

export interface MappingReportLine {
  idNumber: string;
  kind: MappingKind;
  /** Set when no M/SK/T ancestor was found and the entry was put in 'T'. */
  groupAssumed?: boolean;
}

export interface DictionaryImport {
  dictionary: AsahDictionaryEntry[];
  report: MappingReportLine[];
  /** Information Asah's dictionary cannot hold (relations, rules, scales per competency). */
  dropped: string[];
}

export function moodleToDictionary(
  _framework: MoodleFramework,
  competencies: MoodleCompetency[],
): DictionaryImport {
  const byId = new Map(competencies.map((c) => [c.idNumber, c]));
  const levelOf = (c: MoodleCompetency): number | null => {
    if (c.parentIdNumber === null || !byId.has(c.parentIdNumber)) return null;
    const m = /^(.*)-L(\d+)$/.exec(c.idNumber);
    return m && m[1] === c.parentIdNumber ? Number(m[2]) : null;
  };
  const isGroupNode = (c: MoodleCompetency): boolean => c.parentIdNumber === null && isGroup(c.idNumber);
  const groupOf = (c: MoodleCompetency): AsahGroup | null => {
    const seen = new Set<string>();
    for (let p = c.parentIdNumber; p !== null && !seen.has(p);) {
      seen.add(p);
      const node = byId.get(p);
      if (!node) break;
      if (isGroupNode(node)) return node.idNumber as AsahGroup;
      p = node.parentIdNumber;
    }
    return null;
  };

  const dictionary: AsahDictionaryEntry[] = [];
  const report: MappingReportLine[] = [];
  const dropped: string[] = [];
  const entries = new Map<string, AsahDictionaryEntry>();
  for (const c of competencies) {
    if (isGroupNode(c)) {
      report.push({ idNumber: c.idNumber, kind: 'group' });
      continue;
    }
    if (levelOf(c) !== null) continue;
    const group = groupOf(c);
    const entry: AsahDictionaryEntry = {
      code: c.idNumber,
      name: decodeEntities(c.shortName),
      definition: readParagraph(c.description),
      group: group ?? 'T',
      levels: [],
    };
    entries.set(c.idNumber, entry);
    dictionary.push(entry);
  }
  for (const c of competencies) {
    const n = levelOf(c);
    if (n === null || isGroupNode(c)) continue;
    const owner = entries.get(c.parentIdNumber!);
    if (!owner) continue;
    const prefix = `Level ${n}${LEVEL_SEPARATOR}`;
    const name = decodeEntities(c.shortName);
    owner.levels.push({
      level: n,
      title: name.startsWith(prefix) ? name.slice(prefix.length) : name,
      ...readLevelHtml(c.description),
    });
    report.push({ idNumber: c.idNumber, kind: 'level' });
  }
  for (const c of competencies) {
    const entry = entries.get(c.idNumber);
    if (entry) {
      const line: MappingReportLine = {
        idNumber: c.idNumber,
        kind: entry.levels.length ? 'levels' : 'no-levels',
      };
      if (groupOf(c) === null) line.groupAssumed = true;
      report.push(line);
    }
    // The ladder between levels of one competency is rebuilt on export; anything else is lost.
    const isLadder = (id: string): boolean => {
      const other = byId.get(id);
      return (
        levelOf(c) !== null &&
        other !== undefined &&
        levelOf(other) !== null &&
        other.parentIdNumber === c.parentIdNumber
      );
    };
    const extra = c.related.filter((id) => !isLadder(id));
    if (extra.length) dropped.push(`${c.idNumber}: kompetensi terkait ${extra.join(', ')} tidak disimpan.`);
    if (c.rule) dropped.push(`${c.idNumber}: aturan ${c.rule.type} tidak disimpan.`);
    if (c.scale) dropped.push(`${c.idNumber}: skala khusus kompetensi tidak disimpan.`);
  }
  return { dictionary, report, dropped };
}
