import { eq, sql } from 'drizzle-orm';
import {
  afterSalesSettings,
  type AfterSalesSettings,
  counterSettings,
  type CounterSettings,
  securitySettings,
  shopProfile,
  type SecuritySettings,
  type SettingsView,
  type ShopProfile,
} from '@shared/schemas/settings';
import { billingSettings, type BillingSettings } from '@shared/schemas/billing';
import { handoverSettings, type HandoverSettings } from '@shared/schemas/handover';
import { appointmentSettings, type AppointmentSettings } from '@shared/schemas/appointments';
import { sampleDataMarker, type SampleDataMarker } from '@shared/schemas/sampleData';
import type { ParsedInputOf } from '@shared/contract';
import { settings } from '../db/schema';
import { writeAudit, changedFields } from './audit';
import type { CallContext, Queryable } from './context';
import { preparedQuery } from './preparedQuery';

const DEFAULT_SECURITY: SecuritySettings = securitySettings.parse({});
const DEFAULT_COUNTER: CounterSettings = counterSettings.parse({});
const DEFAULT_BILLING: BillingSettings = billingSettings.parse({});
const DEFAULT_AFTER_SALES: AfterSalesSettings = afterSalesSettings.parse({});
const DEFAULT_HANDOVER: HandoverSettings = handoverSettings.parse({});
const DEFAULT_APPOINTMENTS: AppointmentSettings = appointmentSettings.parse({});

const valueOf = preparedQuery((q) =>
  q
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, sql.placeholder('key')))
    .prepare(),
);

/** The stored value of one settings key, parsed from its JSON; undefined when never saved. */
export function readKey(q: Queryable, key: string): unknown {
  const row = valueOf(q).get({ key });
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

function writeKey(q: Queryable, key: string, value: unknown, now: number): void {
  const json = JSON.stringify(value);
  q.insert(settings)
    .values({ key, value: json, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now } })
    .run();
}

/** Null before first-run setup has stored the shop. */
export function readShop(q: Queryable): ShopProfile | null {
  const value = readKey(q, 'shop');
  return value === undefined ? null : shopProfile.parse(value);
}

export function readSecurity(q: Queryable): SecuritySettings {
  const value = readKey(q, 'security');
  return value === undefined ? DEFAULT_SECURITY : securitySettings.parse(value);
}

export function readCounter(q: Queryable): CounterSettings {
  const value = readKey(q, 'counter');
  return value === undefined ? DEFAULT_COUNTER : counterSettings.parse(value);
}

export function readBilling(q: Queryable): BillingSettings {
  const value = readKey(q, 'billing');
  return value === undefined ? DEFAULT_BILLING : billingSettings.parse(value);
}

export function readAfterSales(q: Queryable): AfterSalesSettings {
  const value = readKey(q, 'afterSales');
  return value === undefined ? DEFAULT_AFTER_SALES : afterSalesSettings.parse(value);
}

export function readHandover(q: Queryable): HandoverSettings {
  const value = readKey(q, 'handover');
  return value === undefined ? DEFAULT_HANDOVER : handoverSettings.parse(value);
}

export function readAppointmentSettings(q: Queryable): AppointmentSettings {
  const value = readKey(q, 'appointments');
  return value === undefined ? DEFAULT_APPOINTMENTS : appointmentSettings.parse(value);
}

/** The demo shop's marker, or null when the shop holds no sample data. */
export function readSampleData(q: Queryable): SampleDataMarker | null {
  const value = readKey(q, 'sampleData');
  return value === undefined ? null : sampleDataMarker.parse(value);
}

export function writeSampleData(q: Queryable, marker: SampleDataMarker | null, now: number): void {
  if (marker) writeKey(q, 'sampleData', marker, now);
  else q.delete(settings).where(eq(settings.key, 'sampleData')).run();
}

/** After a reset the shop holds no sample data: the marker goes, and the categories the demo added. */
export function forgetSampleData(q: Queryable, now: number): void {
  const marker = readSampleData(q);
  if (!marker) return;
  const counter = readCounter(q);
  const kept = counter.deviceCategories.filter((c) => !marker.categories.includes(c));
  if (kept.length > 0 && kept.length < counter.deviceCategories.length)
    writeKey(q, 'counter', { ...counter, deviceCategories: kept }, now);
  writeSampleData(q, null, now);
}

export function writeShop(q: Queryable, shop: ShopProfile, now: number): void {
  writeKey(q, 'shop', shop, now);
}

export function getSettings(q: Queryable): SettingsView {
  const shop = readShop(q);
  if (!shop) throw new Error('settings read before setup');
  return {
    shop,
    security: readSecurity(q),
    counter: readCounter(q),
    billing: readBilling(q),
    afterSales: readAfterSales(q),
    handover: readHandover(q),
    appointments: readAppointmentSettings(q),
  };
}

export function updateSettings(ctx: CallContext, input: ParsedInputOf<'settings.update'>): SettingsView {
  const { db, now } = ctx.deps;
  const actor = ctx.user && { id: ctx.user.id, username: ctx.user.username };
  return db.transaction((tx) => {
    const current = getSettings(tx);
    const at = now();
    for (const key of [
      'shop',
      'security',
      'counter',
      'billing',
      'afterSales',
      'handover',
      'appointments',
    ] as const) {
      const next = input[key];
      if (!next) continue;
      const diff = changedFields(current[key], next);
      if (!diff) continue;
      writeKey(tx, key, next, at);
      // The logo is a large data URL: record that it changed, not its bytes.
      const slim = (v: Record<string, unknown>) =>
        'logo' in v ? { ...v, logo: v.logo ? '(image)' : null } : v;
      writeAudit(tx, {
        at,
        actor,
        action: 'update',
        entity: 'settings',
        entityId: key,
        before: slim(diff.before),
        after: slim(diff.after),
      });
    }
    return getSettings(tx);
  });
}
