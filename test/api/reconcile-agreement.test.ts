/**
 * The current level of a person's competency is computed twice: reconcile() for one person's profile,
 * and the SQL of gapCtes() for many people at once (heatmap, drill-down, 9-box, level proposals). On
 * random assessments — several sources, peer rounds of several assessors on one date, ties on a date,
 * old assessments past the maximum age, any order of sources — both must give the same level and source.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASSESSMENT_SOURCES,
  oldestCounted,
  reconcile,
  type AssessmentSource,
} from '../../src/domain/competency/reconcile.js';
import { sqlArray } from '../../src/server/db/client.js';
import { gapCtes } from '../../src/server/modules/competency/repository.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { tenantId } from '../helpers/programmes.js';

let t: TestApp;
let tenant: string;
let people: string[];
let competency: { id: string; versionId: string };
const TODAY = '2026-06-15';

beforeAll(async () => {
  t = await createTestApp();
  tenant = await tenantId(t.db);
  people = (
    await t.db.execute<{ id: string }>(sql`select id from employees where tenant_id = ${tenant} and active
      and position_id is not null order by nip limit 6`)
  ).rows.map((r) => r.id);
  competency = (
    await t.db.execute<{ id: string; versionId: string }>(sql`select c.id, v.id as "versionId"
      from competencies c join competency_versions v on v.competency_id = c.id
      where c.tenant_id = ${tenant} and c.code = 'M.1' order by v.version desc limit 1`)
  ).rows[0]!;
});
afterAll(async () => t?.close());

// A few dates only, so peer rounds and ties on a date happen; two are older than three years.
const day = fc.constantFrom(
  '2022-03-01',
  '2023-01-10',
  '2025-06-30',
  '2025-11-20',
  '2026-05-01',
  '2026-06-01',
);
const assessment = fc.record({
  person: fc.integer({ min: 0, max: 5 }),
  // Peers often, so the latest peer round decides for many people.
  source: fc.oneof(fc.constant<AssessmentSource>('peer'), fc.constantFrom(...ASSESSMENT_SOURCES)),
  level: fc.integer({ min: 1, max: 5 }),
  on: day,
});

describe('one reconciled level', () => {
  it('reconcile() and the SQL of the heatmap agree on random assessments', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(assessment, { minLength: 1, maxLength: 30 }),
        fc.shuffledSubarray([...ASSESSMENT_SOURCES], { minLength: 1 }).map((o) =>
          // Peer the most trusted source half the time.
          o.includes('peer') && o.length > 1
            ? o
            : ['peer' as AssessmentSource, ...o.filter((x) => x !== 'peer')],
        ),
        fc.constantFrom(12, 36, null),
        async (rows, order, maxAgeMonths) => {
          await t.db.execute(sql`delete from assessments where tenant_id = ${tenant}
            and employee_id = any(${sqlArray(people)}::uuid[]) and competency_id = ${competency.id}`);
          // One at a time, so created_at follows the array order (ties on a date: the later row wins).
          const stored: {
            id: string;
            person: number;
            source: AssessmentSource;
            level: number;
            on: string;
          }[] = [];
          for (const r of rows) {
            const res = await t.db.execute<{
              id: string;
            }>(sql`insert into assessments (tenant_id, employee_id,
                competency_id, competency_version_id, source, level, assessed_on, created_at)
              values (${tenant}, ${people[r.person]!}, ${competency.id}, ${competency.versionId}, ${r.source},
                ${r.level}, ${r.on}::date, now() + make_interval(secs => ${stored.length}))
              returning id`);
            stored.push({ ...r, id: res.rows[0]!.id });
          }
          const rule = { order, maxAgeMonths, disagreementThreshold: 1 };
          const emp = sql`select e.id, e.position_id, e.id as grp from employees e
            where e.id = any(${sqlArray(people)}::uuid[])`;
          const cutoff = maxAgeMonths === null ? null : oldestCounted(TODAY, maxAgeMonths);
          const bySql = await t.db.execute<{ employee_id: string; level: number; source: string }>(sql`
            with ${gapCtes(tenant, emp, { order, cutoff }, competency.id)}
            select employee_id, level, source from cur`);
          const fromSql = new Map(
            bySql.rows.map((r) => [r.employee_id, { level: r.level, source: r.source }]),
          );
          for (const [i, person] of people.entries()) {
            // The profile reads newest first, later rows first within a date.
            const own = stored
              .filter((s) => s.person === i)
              .reverse()
              .sort((a, b) => b.on.localeCompare(a.on))
              .map((s) => ({ id: s.id, source: s.source, level: s.level, assessedOn: s.on }));
            const r = reconcile(own, rule, TODAY);
            expect(fromSql.get(person) ?? null).toEqual(r ? { level: r.level, source: r.source } : null);
          }
        },
      ),
      { numRuns: 60, seed: 20261202 },
    );
  });
});
