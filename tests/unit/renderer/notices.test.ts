import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { AUDIT_ENTITIES } from '@shared/schemas/audit';
import { BATCH_MS, changeBatcher, keysForChange, readNotice } from '../../../src/renderer/src/api/notices';
import { queryKeys } from '../../../src/renderer/src/api/keys';

const change = (entity: (typeof AUDIT_ENTITIES)[number]) =>
  ({ kind: 'change', entity, id: '0190aaaa-0000-7000-8000-000000000001', action: 'update' }) as const;

/** The first segment of each key a change makes stale, sorted: what a person sees refresh. */
function prefixes(entity: (typeof AUDIT_ENTITIES)[number]): string[] | 'all' {
  const keys = keysForChange(change(entity));
  return keys === 'all' ? 'all' : keys.map((k) => String(k[0])).sort();
}

describe('change notices → the queries they make stale', () => {
  it('maps each kind of record to the areas that show it, and always the audit log', () => {
    expect(prefixes('customer')).toEqual(['audit', 'customers', 'search', 'settlements', 'workOrders']);
    expect(prefixes('device')).toEqual(['audit', 'customers', 'search', 'workOrders']);
    expect(prefixes('workOrder')).toEqual([
      'audit',
      'customers',
      'dashboard',
      'maintenance',
      'reports',
      'search',
      'workOrders',
    ]);
    // 保养 plans and 维保合同: their own screens; a contract also shows at the intake of an order.
    expect(prefixes('maintenancePlan')).toEqual(['audit', 'maintenance']);
    expect(prefixes('serviceContract')).toEqual(['audit', 'maintenance', 'workOrders']);
    expect(prefixes('workOrderAttachment')).toEqual(['audit', 'dashboard', 'reports', 'workOrders']);
    for (const money of ['settlement', 'payment', 'dayClose'] as const) {
      expect(prefixes(money)).toEqual(['audit', 'dashboard', 'reports', 'settlements', 'workOrders']);
    }
    expect(prefixes('part')).toEqual(['audit', 'stock', 'workOrders']);
    expect(prefixes('supplier')).toEqual(['audit', 'stock']);
    expect(prefixes('stockDocument')).toEqual(['audit', 'dashboard', 'reports', 'stock', 'workOrders']);
    expect(prefixes('user')).toEqual(['audit', 'auth', 'users', 'workOrders']);
    expect(prefixes('settings')).toEqual(['audit', 'auth', 'settings']);
    expect(prefixes('session')).toEqual(['audit', 'lan', 'users']);
    expect(prefixes('terminal')).toEqual(['audit', 'lan']);
    expect(prefixes('backupSettings')).toEqual(['audit', 'backup']);
    expect(prefixes('followUp')).toEqual(['audit', 'dashboard', 'followUps', 'reports', 'workOrders']);
    // A restore or reset replaced the data under every screen.
    expect(prefixes('database')).toBe('all');
  });

  it('names only prefixes the renderer really uses (api/keys.ts)', () => {
    const used = new Set(
      Object.values(queryKeys).map((key) =>
        String((typeof key === 'function' ? key('x' as never, 'x' as never) : key)[0]),
      ),
    );
    for (const entity of AUDIT_ENTITIES) {
      const keys = keysForChange(change(entity));
      if (keys === 'all') continue;
      for (const key of keys) expect(used, `${entity} → ${String(key[0])}`).toContain(String(key[0]));
    }
  });

  it('makes the affected queries stale and leaves the others alone', async () => {
    const client = new QueryClient();
    const keys = [
      queryKeys.workOrder('o1'),
      queryKeys.technicians,
      queryKeys.dashboard,
      queryKeys.report('volume', { from: '2026-11-01', to: '2026-11-30', bucket: 'day' }),
      queryKeys.auditList({ page: 1, pageSize: 20 }),
      queryKeys.customer('c1'),
      queryKeys.part('p1'),
      queryKeys.users,
    ];
    for (const key of keys) client.setQueryData(key, { read: 1 });
    const apply = changeBatcher(client, 0);
    const applied = () => new Promise((resolve) => setTimeout(resolve, 0));
    apply(change('payment'));
    await applied();
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(stale(queryKeys.workOrder('o1'))).toBe(true);
    expect(stale(queryKeys.technicians)).toBe(true);
    expect(stale(queryKeys.dashboard)).toBe(true);
    expect(stale(queryKeys.report('volume', { from: '2026-11-01', to: '2026-11-30', bucket: 'day' }))).toBe(
      true,
    );
    expect(stale(queryKeys.auditList({ page: 1, pageSize: 20 }))).toBe(true);
    expect(stale(queryKeys.customer('c1'))).toBe(false);
    expect(stale(queryKeys.part('p1'))).toBe(false);
    expect(stale(queryKeys.users)).toBe(false);
    // The data stays on screen while it is read again.
    expect(client.getQueryData(queryKeys.workOrder('o1'))).toEqual({ read: 1 });

    apply(change('database'));
    await applied();
    expect(stale(queryKeys.part('p1'))).toBe(true);
    expect(stale(queryKeys.users)).toBe(true);
  });
});

describe('a burst of notices', () => {
  it('reads each affected key again once, not once per change (4000 changes in a burst)', () => {
    vi.useFakeTimers();
    try {
      const client = new QueryClient();
      const invalidate = vi.spyOn(client, 'invalidateQueries');
      const apply = changeBatcher(client);
      for (let i = 0; i < 4000; i++) apply(change('customer'));
      expect(invalidate).not.toHaveBeenCalled();
      vi.advanceTimersByTime(BATCH_MS);
      const keys = keysForChange(change('customer'));
      expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual(keys);

      // A restore in the burst: everything is read again, once.
      invalidate.mockClear();
      apply(change('customer'));
      apply(change('database'));
      apply(change('part'));
      vi.advanceTimersByTime(BATCH_MS);
      expect(invalidate.mock.calls).toEqual([[]]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('reading a notice', () => {
  it('takes a change or a sign-out, as JSON text (server-sent events) or as a value (the preload)', () => {
    const text = JSON.stringify({ kind: 'change', entity: 'workOrder', id: 'x', action: 'update' });
    expect(readNotice(text)).toEqual({ kind: 'change', entity: 'workOrder', id: 'x', action: 'update' });
    expect(readNotice({ kind: 'change', entity: 'part', id: null, action: 'create' })).toEqual({
      kind: 'change',
      entity: 'part',
      id: null,
      action: 'create',
    });
    expect(readNotice('{"kind":"signedOut","reason":"restored"}')).toEqual({
      kind: 'signedOut',
      reason: 'restored',
    });
    expect(readNotice({ kind: 'signedOut', reason: 'revoked' })).toEqual({
      kind: 'signedOut',
      reason: 'revoked',
    });
  });

  it('ignores anything else', () => {
    expect(readNotice('not json')).toBeNull();
    expect(readNotice('')).toBeNull();
    expect(readNotice(null)).toBeNull();
    expect(readNotice(42)).toBeNull();
    expect(readNotice({ kind: 'change', entity: 'spaceship', id: 'x', action: 'update' })).toBeNull();
    expect(readNotice({ kind: 'change', entity: 'part', id: 'x', action: 'explode' })).toBeNull();
    expect(readNotice({ kind: 'signedOut', reason: 'bored' })).toBeNull();
    expect(readNotice({ kind: 'ping' })).toBeNull();
  });
});
