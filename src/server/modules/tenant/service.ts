import { appointmentLeadOf, type NipDateRules } from '../../../domain/nip.js';
import { homeCityOf } from '../../../domain/tenant.js';
import { todayIn } from '../../../domain/time.js';
import type { Db, Tx } from '../../db/client.js';
import { audit, type AuditActor } from '../../http/audit.js';
import { FieldValidationError, notFound } from '../../http/errors.js';
import type { FieldProblem } from '../../http/validation-messages.js';
import * as repo from './repository.js';
import { changedFields, mergeSettings, TenantSettings } from './settings.js';

export interface TenantPatchInput {
  name?: string;
  timeZone?: string;
  settings?: Record<string, unknown>;
}

/** The tenant's time zone: every "today", "this year" and local time of a tenant is read in it. */
export const tenantTimeZone = (db: Tx, tenantId: string) => repo.timeZoneOf(db, tenantId);

/** The facts of a tenant that other modules and the web go by, read in one query. */
export async function tenantFacts(db: Tx, tenantId: string) {
  const t = await repo.findTenant(db, tenantId);
  if (!t) throw notFound();
  const settings = t.settings as Record<string, unknown>;
  return {
    timeZone: t.timeZone,
    /** The city where the tenant sits (setting `homeCity`, else the place in its name). */
    homeCity: homeCityOf(t.name, typeof settings.homeCity === 'string' ? settings.homeCity : undefined),
    /** Days a TMT may lie ahead of today (setting `appointmentLeadDays`). */
    appointmentLeadDays: appointmentLeadOf(settings.appointmentLeadDays),
  };
}

/** The city where the tenant sits (setting `homeCity`, else the place in its name). */
export const tenantHomeCity = async (db: Tx, tenantId: string) => (await tenantFacts(db, tenantId)).homeCity;

/** What a NIP's dates are checked against: today in the tenant's zone and its lead for a TMT. */
export async function tenantNipDateRules(db: Tx, tenantId: string): Promise<NipDateRules> {
  const f = await tenantFacts(db, tenantId);
  return { today: todayIn(f.timeZone), appointmentLeadDays: f.appointmentLeadDays };
}

/** Today in the tenant's zone, as YYYY-MM-DD. */
export const tenantToday = async (db: Tx, tenantId: string, now = new Date()) =>
  todayIn(await repo.timeZoneOf(db, tenantId), now);

const view = (t: repo.TenantRow) => ({
  id: t.id,
  code: t.code,
  name: t.name,
  timeZone: t.timeZone,
  settings: t.settings,
});

export function tenantService(db: Db) {
  return {
    async get(tenantId: string) {
      const t = await repo.findTenant(db, tenantId);
      if (!t) throw notFound();
      return view(t);
    },

    /**
     * Name, time zone and settings: the given settings fields merge into the stored ones, the merged
     * whole is checked, and the audit row holds each changed field before and after.
     */
    async update(tenantId: string, actor: AuditActor, patch: TenantPatchInput) {
      await db.transaction(async (tx) => {
        const t = await repo.lockTenant(tx, tenantId);
        if (!t) throw notFound();
        const settings =
          patch.settings === undefined
            ? t.settings
            : (mergeSettings(t.settings, patch.settings) as typeof t.settings);
        if (patch.settings !== undefined) {
          const parsed = TenantSettings.safeParse(settings);
          if (!parsed.success)
            throw new FieldValidationError(
              parsed.error.issues.map((issue): FieldProblem => ({
                field: ['body', 'settings', ...issue.path.map(String)].join('.'),
                issue: issue as FieldProblem['issue'],
              })),
            );
        }
        const before = { name: t.name, timeZone: t.timeZone, settings: t.settings };
        const after = {
          name: patch.name ?? t.name,
          timeZone: patch.timeZone ?? t.timeZone,
          settings,
        };
        const changes = changedFields(
          { name: before.name, timeZone: before.timeZone, settings: before.settings },
          after,
        );
        if (Object.keys(changes).length === 0) return;
        await repo.updateTenant(tx, tenantId, after);
        await audit(tx, actor, {
          action: 'update',
          entity: 'tenant',
          entityId: tenantId,
          before: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.before])),
          after: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.after])),
        });
      });
      return this.get(tenantId);
    },
  };
}
