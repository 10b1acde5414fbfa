import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MOODLE_HEADERS,
  parseMoodleFramework,
  writeMoodleFramework,
  type MoodleParseResult,
} from './moodle.js';

/**
 * Written by hand in the layout of Moodle's tool_lpimportcsv export: the header as Moodle's test fixture
 * spells it (the importer only counts columns), framework row second, a child listed before its parent.
 */
const FIXTURE = [
  '"Parent id number","Id number",Shortname,Description,"Description format","Scale values","Scale configuration","Rule type (optional)","Rule outcome (optional)","Rule config (optional)","Cross referenced competency id numbers","Exported id (optional)","Is framework",Taxonomy',
  ',KOTA-AMBON-2026,"Kamus Kompetensi Kota Ambon","<p>Kamus kompetensi ASN Kota Ambon, disusun menurut',
  'PermenPANRB 38/2017 — versi ""final"".</p>',
  '<ul><li>Manajerial, sosial kultural, teknis</li></ul>",1,"Belum kompeten,Cukup,Kompeten","[{""scaleid"":""3""},{""id"":1,""scaledefault"":1,""proficient"":0},{""id"":2,""scaledefault"":0,""proficient"":0},{""id"":3,""scaledefault"":0,""proficient"":1}]",,,,,,1,"domain,competency,level"',
  'T.1,T.1-L1,"Level 1 — Memahami dokumen","<p>Mengenali jenis dokumen, syarat, dan ""format"" berkas.</p>',
  '<ul><li>Menjelaskan KTP-el, KK</li></ul>",1,,,,0,null,T.1-L2,31,,',
  ',T,"Kompetensi Teknis",,1,,,,0,null,,10,,',
  'T,T.1,"Pelayanan Publik — Tk. II","<p>Melayani masyarakat, cepat &amp; tepat.</p>",1,,,"core_competency\\competency_rule_all",2,null,,30,,',
  'T.1,T.1-L2,"Level 2 — Memproses layanan","<p>Memproses permohonan rutin.</p>",1,,,,0,null,"T.1-L1,T.1-L3",32,,',
  'T.1,T.1-L3,"Level 3 — Kasus rumit","<p>Menangani kasus, termasuk data ganda.</p>",1,"Tidak,Ya","[{""scaleid"":""5""},{""id"":1,""scaledefault"":1,""proficient"":0},{""id"":2,""scaledefault"":0,""proficient"":1}]",,0,null,T.1-L2,33,,',
  'T,"T.2,a","Kode dengan koma",,0,,,,0,null,,34,,',
  '"T.2,a",T.2-L1,"Level 1","<p>Tautan ke kode berkoma</p>",1,,,,0,null,"T.2%2Ca",35,,',
  '',
].join('\r\n');

function ok(r: MoodleParseResult) {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe('parseMoodleFramework', () => {
  it('reads a multi-level framework with quoted multi-line HTML, a scale, taxonomies, relations and a rule', () => {
    const { framework, competencies } = ok(parseMoodleFramework(FIXTURE));
    expect(framework).toEqual({
      idNumber: 'KOTA-AMBON-2026',
      shortName: 'Kamus Kompetensi Kota Ambon',
      description:
        '<p>Kamus kompetensi ASN Kota Ambon, disusun menurut\nPermenPANRB 38/2017 — versi "final".</p>\n<ul><li>Manajerial, sosial kultural, teknis</li></ul>',
      descriptionFormat: 1,
      scale: { values: ['Belum kompeten', 'Cukup', 'Kompeten'], defaultIndex: 0, proficientIndexes: [2] },
      taxonomies: ['domain', 'competency', 'level'],
    });
    expect(competencies.map((c) => [c.idNumber, c.parentIdNumber])).toEqual([
      ['T.1-L1', 'T.1'],
      ['T', null],
      ['T.1', 'T'],
      ['T.1-L2', 'T.1'],
      ['T.1-L3', 'T.1'],
      ['T.2,a', 'T'],
      ['T.2-L1', 'T.2,a'],
    ]);
    const [l1, , t1, l2, l3, , t2l1] = competencies;
    expect(l1!.description).toBe(
      '<p>Mengenali jenis dokumen, syarat, dan "format" berkas.</p>\n<ul><li>Menjelaskan KTP-el, KK</li></ul>',
    );
    expect(t1).toMatchObject({
      shortName: 'Pelayanan Publik — Tk. II',
      rule: { type: 'core_competency\\competency_rule_all', outcome: 2, config: null },
      exportId: '30',
    });
    expect(l1!.rule).toBeUndefined();
    expect(l2!.related).toEqual(['T.1-L1', 'T.1-L3']);
    expect(l3!.scale).toEqual({ values: ['Tidak', 'Ya'], defaultIndex: 0, proficientIndexes: [1] });
    expect(t2l1!.related).toEqual(['T.2,a']);
  });

  it('round-trips: parse(write(parse(x))) equals parse(x)', () => {
    const first = ok(parseMoodleFramework(FIXTURE));
    const text = writeMoodleFramework(first.framework, first.competencies);
    const second = ok(parseMoodleFramework(text));
    expect(second.framework).toEqual(first.framework);
    expect(second.competencies).toEqual(first.competencies);
  });

  it('writes the header, framework row and quoting as Moodle exports them', () => {
    const { framework, competencies } = ok(parseMoodleFramework(FIXTURE));
    const lines = writeMoodleFramework(framework, competencies).split('\n');
    expect(lines[0]).toBe(MOODLE_HEADERS.map((h) => (h.includes(' ') ? `"${h}"` : h)).join(','));
    expect(lines[1]).toMatch(/^,KOTA-AMBON-2026,"Kamus Kompetensi Kota Ambon","<p>Kamus/);
    expect(lines).toContain(',T,"Kompetensi Teknis",,1,,,,0,null,,10,,');
    // Only the related column encodes commas as %2C; the parent column is quoted instead.
    expect(lines).toContain(
      '"T.2,a",T.2-L1,"Level 1","<p>Tautan ke kode berkoma</p>",1,,,,0,null,T.2%2Ca,35,,',
    );
    expect(lines.at(-1)).toBe('');
  });

  const header = MOODLE_HEADERS.join(',');
  const fwRow =
    ',FW,Kerangka,,1,"A,B","[{""scaleid"":1},{""id"":1,""scaledefault"":1,""proficient"":0},{""id"":2,""scaledefault"":0,""proficient"":1}]",,,,,,1,competency';

  it('reports a missing parent with its row and column', () => {
    const r = parseMoodleFramework(
      [header, fwRow, ',A,Satu,,1,,,,0,null,,,,', 'X,B,Dua,,1,,,,0,null,,,,'].join('\n'),
    );
    expect(r).toEqual({
      ok: false,
      errors: [{ row: 4, column: 1, message: 'Induk "X" tidak ditemukan.' }],
    });
  });

  it('reports a duplicate ID number and a missing related ID number', () => {
    const r = parseMoodleFramework(
      [header, fwRow, ',A,Satu,,1,,,,0,null,,,,', ',A,"Satu lagi",,1,,,,0,null,Z,,,'].join('\n'),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContainEqual({ row: 4, column: 2, message: 'Nomor ID "A" sudah dipakai di baris 3.' });
    expect(r.errors.some((e) => e.message.includes('"Z" tidak ditemukan'))).toBe(true);
  });

  it('reports rows with the wrong number of columns', () => {
    const r = parseMoodleFramework(
      [header, fwRow, ',A,Satu,,1', ',B,"Dua, tiga",,1,,,,0,null,,,,'].join('\n'),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          row: 3,
          column: null,
          message: 'Baris ini memiliki 5 kolom; format kerangka kompetensi Moodle memerlukan 14 kolom.',
        },
      ],
    });
  });

  it('requires exactly one framework row', () => {
    const none = parseMoodleFramework([header, ',A,Satu,,1,,,,0,null,,,,'].join('\n'));
    expect(none.ok || none.errors.map((e) => e.message)).toEqual([
      'Tidak ada baris kerangka (kolom "Is framework" = 1).',
    ]);
    const two = parseMoodleFramework([header, fwRow, fwRow].join('\n'));
    expect(two.ok || two.errors).toEqual([
      { row: 3, column: 13, message: 'Hanya boleh ada satu baris kerangka; baris 2 sudah menjadi kerangka.' },
    ]);
  });

  it('reports parent cycles once', () => {
    const r = parseMoodleFramework(
      [
        header,
        fwRow,
        'B,A,Satu,,1,,,,0,null,,,,',
        'A,B,Dua,,1,,,,0,null,,,,',
        'C,C,Tiga,,1,,,,0,null,,,,',
      ].join('\n'),
    );
    expect(r.ok || r.errors).toEqual([
      { row: 3, column: 1, message: 'Hubungan induk membentuk siklus: A → B → A.' },
      { row: 5, column: 1, message: 'Hubungan induk membentuk siklus: C → C.' },
    ]);
  });

  it('rejects a scale without a default or proficient value', () => {
    const bad = fwRow.replace('""proficient"":1', '""proficient"":0');
    const r = parseMoodleFramework([header, bad].join('\n'));
    expect(r.ok || r.errors.map((e) => [e.row, e.column])).toEqual([[2, 7]]);
  });

  it('refuses to write a scale value Moodle would split at its comma', () => {
    const { framework } = ok(parseMoodleFramework(FIXTURE));
    const scale = { ...framework.scale, values: ['Belum, sama sekali', 'Cukup', 'Kompeten'] };
    expect(() => writeMoodleFramework({ ...framework, scale }, [])).toThrow(/koma/);
  });

  it('rejects unreadable CSV and empty files', () => {
    expect(parseMoodleFramework('').ok).toBe(false);
    expect(parseMoodleFramework(`${header}\n,"A,Satu\n`).ok).toBe(false);
  });
});

describe('writeMoodleFramework ∘ parseMoodleFramework (property)', () => {
  const text = fc
    .array(
      fc.constantFrom('a', ' ', ',', '"', '""', '\n', '<p>', '&amp;', '\\', '—', 'é', '😀', 'null', '1'),
      {
        maxLength: 10,
      },
    )
    .map((p) => p.join(''));
  const id = fc.stringMatching(/^[A-Za-z0-9.,_-]{1,8}$/).filter((s) => s.trim() === s);

  it('parses what it writes', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { minLength: 1, maxLength: 6 }),
        fc.array(text, { minLength: 6, maxLength: 6 }),
        text,
        (ids, descriptions, fwDescription) => {
          const framework = {
            idNumber: 'FW',
            shortName: 'Kerangka, "uji"',
            description: fwDescription,
            descriptionFormat: 1,
            scale: { values: ['Belum', 'Sudah'], defaultIndex: 0, proficientIndexes: [1] },
            taxonomies: ['domain', 'competency'],
          };
          const competencies = ids.map((idNumber, i) => ({
            idNumber,
            parentIdNumber: i === 0 ? null : ids[i - 1]!,
            shortName: `Nama ${i}, "${idNumber}"`,
            description: descriptions[i]!,
            descriptionFormat: 1,
            related: ids.filter((other) => other !== idNumber).slice(0, 2),
            ...(i === 0
              ? { rule: { type: 'core_competency\\competency_rule_all', outcome: 1, config: null } }
              : {}),
          }));
          const r = parseMoodleFramework(writeMoodleFramework(framework, competencies));
          expect(r).toEqual({ ok: true, framework, competencies });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('backslash inside quoted fields (PHP fgetcsv/fputcsv escape character)', () => {
  const header = MOODLE_HEADERS.join(',');
  const fwRow =
    ',FW,Kerangka,,1,"A,B","[{""scaleid"":1},{""id"":1,""scaledefault"":1,""proficient"":0},{""id"":2,""scaledefault"":0,""proficient"":1}]",,,,,,1,competency';

  it('reads a \\" written by Moodle as a literal backslash and quote, not as the end of the field', () => {
    // fputcsv writes the value  <p class=\"x\">a, b</p>  without doubling the quotes that follow a backslash.
    const row = ',A,"Satu","<p class=\\"x\\">a, b</p>",1,,,,0,null,,,,';
    const r = ok(parseMoodleFramework([header, fwRow, row, ''].join('\n')));
    expect(r.competencies[0]!.description).toBe('<p class=\\"x\\">a, b</p>');
  });

  it('writes backslashes so that a PHP-style reader gets the value back, also before a quote and at the end', () => {
    const values = ['a\\"b', 'a\\\\"b', 'ends with \\', 'two \\\\', '\\', 'x, \\"y\\" \\'];
    const framework = {
      idNumber: 'FW',
      shortName: 'K',
      description: '',
      descriptionFormat: 1,
      scale: { values: ['A', 'B'], defaultIndex: 0, proficientIndexes: [1] },
      taxonomies: [],
    };
    const competencies = values.map((description, i) => ({
      idNumber: `C${i}`,
      parentIdNumber: null,
      shortName: `N${i}`,
      description,
      descriptionFormat: 1,
      related: [],
    }));
    const text = writeMoodleFramework(framework, competencies);
    // As PHP fputcsv: a quote right after a backslash is not doubled.
    expect(text).toContain(',"a\\"b",');
    // A trailing backslash goes after the closing quote, where fgetcsv appends it.
    expect(text).toContain(',"ends with "\\,');
    const r = ok(parseMoodleFramework(text));
    expect(r.competencies.map((c) => c.description)).toEqual(values);
  });

  it('reports a quoted field that never closes', () => {
    const r = parseMoodleFramework([header, fwRow, ',A,"Satu,,1,,,,0,null,,,,'].join('\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain('baris teks 3');
  });
});
