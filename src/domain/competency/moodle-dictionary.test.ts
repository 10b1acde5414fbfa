import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoodleFramework, writeMoodleFramework, type MoodleParseResult } from './moodle.js';
import {
  dictionaryToMoodle,
  moodleToDictionary,
  type AsahDictionaryEntry,
  type AsahGroup,
  type AsahLevel,
  type FrameworkInfo,
} from './moodle-dictionary.js';

function ok(r: MoodleParseResult) {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

const INFO: FrameworkInfo = {
  idNumber: 'ASAH-AMBON',
  shortName: 'Kamus Kompetensi Kota Ambon',
  description: '<p>Kamus "resmi", versi 1</p>',
};

const SAMPLE: AsahDictionaryEntry[] = [
  {
    code: 'T.1',
    group: 'T',
    name: 'Pelayanan Publik — Tk. II',
    definition: 'Melayani "masyarakat", cepat & tepat.\nBaris kedua <b>tebal</b>.',
    levels: [
      {
        level: 1,
        title: 'Dasar, awal',
        description: 'Mengenali layanan.',
        indicators: ['Satu, dua', 'Tiga "empat"'],
      },
      { level: 2, title: 'Menengah', description: 'Memproses layanan.', indicators: [] },
    ],
  },
  { code: 'M.1', group: 'M', name: 'Integritas', definition: 'Konsisten.', levels: [] },
];

const roundTrip = (d: AsahDictionaryEntry[]) => {
  const exported = dictionaryToMoodle(d, INFO);
  const parsed = ok(parseMoodleFramework(writeMoodleFramework(exported.framework, exported.competencies)));
  return moodleToDictionary(parsed.framework, parsed.competencies);
};

describe('dictionaryToMoodle', () => {
  it('groups competencies under M/SK/T nodes and makes each level a child with escaped HTML', () => {
    const { framework, competencies, warnings } = dictionaryToMoodle(SAMPLE, INFO);
    expect(framework.taxonomies).toEqual(['domain', 'competency', 'level']);
    expect(framework.scale.values).toHaveLength(5);
    expect(competencies.map((c) => [c.idNumber, c.parentIdNumber, c.related])).toEqual([
      ['M', null, []],
      ['T', null, []],
      ['T.1', 'T', []],
      ['T.1-L1', 'T.1', ['T.1-L2']],
      ['T.1-L2', 'T.1', ['T.1-L1']],
      ['M.1', 'M', []],
    ]);
    expect(competencies[0]!.shortName).toBe('Kompetensi Manajerial');
    expect(competencies[1]!.shortName).toBe('Kompetensi Teknis');
    expect(competencies[3]).toMatchObject({
      shortName: 'Level 1 — Dasar, awal',
      description: '<p>Mengenali layanan.</p><ul><li>Satu, dua</li><li>Tiga &quot;empat&quot;</li></ul>',
    });
    expect(competencies[2]!.description).toBe(
      '<p>Melayani &quot;masyarakat&quot;, cepat &amp; tepat.\nBaris kedua &lt;b&gt;tebal&lt;/b&gt;.</p>',
    );
    expect(warnings).toEqual([]);
  });

  it('warns about short names Moodle will cut to 100 characters', () => {
    const long = [{ ...SAMPLE[1]!, name: 'x'.repeat(101) }];
    expect(dictionaryToMoodle(long, INFO).warnings).toHaveLength(1);
  });

  it('refuses codes that would collide with a group or level ID number', () => {
    expect(() => dictionaryToMoodle([{ ...SAMPLE[1]!, code: 'SK', group: 'SK' }], INFO)).toThrow();
  });
});

describe('moodleToDictionary', () => {
  it('gives back the dictionary after write and parse, and reports how each row was mapped', () => {
    const back = roundTrip(SAMPLE);
    expect(back.dictionary).toEqual(SAMPLE);
    expect(back.dropped).toEqual([]);
    expect(back.report).toEqual([
      { idNumber: 'M', kind: 'group' },
      { idNumber: 'T', kind: 'group' },
      { idNumber: 'T.1-L1', kind: 'level' },
      { idNumber: 'T.1-L2', kind: 'level' },
      { idNumber: 'T.1', kind: 'levels' },
      { idNumber: 'M.1', kind: 'no-levels' },
    ]);
  });

  it('accepts a framework made in Moodle without the level convention', () => {
    const { framework, competencies } = ok(
      parseMoodleFramework(
        [
          'a,b,c,d,e,f,g,h,i,j,k,l,m,n',
          ',OECD,OECD,,1,"No,Yes","[{""scaleid"":""2""},{""id"":2,""scaledefault"":1,""proficient"":1}]",,,,,,1,"competency,competency"',
          ',delivery,Delivery-related,"<p>Achieving Results<br></p>",1,,,,0,null,,8,,',
          'delivery,analytical,"Analytical &amp; Thinking","<p>Identify patterns,<br>\nkey issues.</p><p>Second.</p>",1,,,core_competency\\competency_rule_all,1,null,level-1,11,,',
          ',level-1,"Level 1",,1,,,,0,null,analytical,2,,',
        ].join('\n'),
      ),
    );
    const r = moodleToDictionary(framework, competencies);
    expect(r.dictionary).toEqual([
      { code: 'delivery', group: 'T', name: 'Delivery-related', definition: 'Achieving Results', levels: [] },
      {
        code: 'analytical',
        group: 'T',
        name: 'Analytical & Thinking',
        definition: 'Identify patterns,\nkey issues.\nSecond.',
        levels: [],
      },
      { code: 'level-1', group: 'T', name: 'Level 1', definition: '', levels: [] },
    ]);
    expect(r.report.every((l) => l.kind === 'no-levels' && l.groupAssumed)).toBe(true);
    expect(r.dropped).toEqual([
      'analytical: kompetensi terkait level-1 tidak disimpan.',
      'analytical: aturan core_competency\\competency_rule_all tidak disimpan.',
      'level-1: kompetensi terkait analytical tidak disimpan.',
    ]);
  });

  it('reads levels whose description was edited in Moodle', () => {
    const { framework, competencies } = dictionaryToMoodle(SAMPLE, INFO);
    const edited = competencies.map((c) =>
      c.idNumber === 'T.1-L1'
        ? {
            ...c,
            description:
              '<p dir="ltr">Mengenali <em>layanan</em>.</p><ol><li>Satu</li><li><b>Dua</b></li></ol>',
          }
        : c,
    );
    const level = moodleToDictionary(framework, edited).dictionary[0]!.levels[0]!;
    expect(level).toEqual({
      level: 1,
      title: 'Dasar, awal',
      description: 'Mengenali layanan.',
      indicators: ['Satu', 'Dua'],
    });
  });
});

// Awkward text: CSV and HTML metacharacters, line breaks (LF: Moodle's reader turns CR/CRLF into LF),
// entities that must stay literal, and non-ASCII.
const awkward = fc
  .array(
    fc.constantFrom(
      'a',
      'Z',
      ' ',
      ',',
      '"',
      "'",
      '\n',
      '<',
      '>',
      '&',
      '&amp;',
      '<p>',
      '</li>',
      ';',
      '%2C',
      '\\',
      '\\"',
      '—',
      'Tk. II',
      'Pelayanan Publik — Tk. II',
      'é',
      'ñ',
      '漢',
      '😀',
      '\t',
      '-L1',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
// Short names must not be blank (the parser rejects them), and Moodle cuts them at 100 characters.
const name = awkward.map((s) => s.trim()).filter((s) => s.length > 0 && s.length <= 40);

const levelArb = (level: number) =>
  fc.record({
    level: fc.constant(level),
    title: awkward,
    description: awkward,
    indicators: fc.array(awkward, { maxLength: 3 }),
  });

const entryArb = (i: number) =>
  fc
    .record({
      code: fc.constant(''),
      group: fc.constantFrom<AsahGroup>('M', 'SK', 'T'),
      name,
      definition: awkward,
      levels: fc
        .subarray([1, 2, 3, 4, 5])
        .chain((ls): fc.Arbitrary<AsahLevel[]> => fc.tuple(...ls.map(levelArb))),
    })
    .map((e) => ({ ...e, code: `${e.group}.${i + 1}` }));

const dictionaryArb = fc
  .integer({ min: 0, max: 6 })
  .chain((n): fc.Arbitrary<AsahDictionaryEntry[]> =>
    fc.tuple(...Array.from({ length: n }, (_, i) => entryArb(i))),
  );

describe('dictionary ↔ Moodle round trip (property)', () => {
  it('dictionaryToMoodle → write → parse → moodleToDictionary gives back the dictionary', () => {
    fc.assert(
      fc.property(dictionaryArb, (d) => {
        const back = roundTrip(d);
        expect(back.dictionary).toEqual(d);
        expect(back.dropped).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
