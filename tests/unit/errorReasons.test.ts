import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '@shared/dates';
import {
  codeOf,
  REASON_NAMES,
  REASONS,
  refusalSchema,
  type Reason,
  type ReasonParams,
  type Refusal,
  type RpcError,
} from '@shared/errors';
import { LOCKOUT_MS } from '../../src/main/services/passwordCheck';
import { signedInAs, snapshot } from './harness';
import {
  addLines,
  moveTo,
  openShop,
  orderInRepair,
  refused,
  MANAGER,
  type Shop,
} from './settlementsFixtures';
import { startBackupApp } from './backupHelpers';

/**
 * Refusals at the dispatch boundary name their reason with exactly its params (money in fen,
 * days as ISO dates, counts as numbers), imply their code, and every field they mark carries the
 * same meaning. The expected params are typed by the reason, so a wrong one does not compile.
 */
function expectRefusal<R extends Reason>(error: RpcError, reason: R, params: ReasonParams[R]): void {
  expect({ code: error.code, reason: error.reason, params: error.params }).toEqual({
    code: codeOf(reason),
    reason,
    params,
  });
  // The params satisfy the reason's type at run time too (the spec in src/shared/errors.ts).
  expect(refusalSchema.safeParse(error).success, JSON.stringify(error)).toBe(true);
  for (const field of error.details?.fields ?? []) {
    expect(refusalSchema.safeParse(field).success, JSON.stringify(field)).toBe(true);
  }
}

describe('the reasons', () => {
  it('each imply one of the closed codes and take only known kinds of params', () => {
    expect(REASON_NAMES.length).toBeGreaterThan(100);
    for (const reason of REASON_NAMES) expect(codeOf(reason), reason).toBe(REASONS[reason].code);
  });

  it('refuse params that do not match the reason, at compile time and at run time', () => {
    // @ts-expect-error onHand is a number
    const text: Refusal = { reason: 'insufficientStock', params: { partCode: 'SCR', onHand: '3' } };
    // @ts-expect-error dayClosed names its date
    const missing: Refusal = { reason: 'dayClosed', params: {} };
    // @ts-expect-error setupDone takes no params
    const extra: Refusal = { reason: 'setupDone', params: { by: 'admin' } };
    // @ts-expect-error an enum param takes its values only
    const status: Refusal = { reason: 'orderClosedToEdits', params: { orderNo: 'X', status: 'lost' } };
    for (const wrong of [text, missing, extra, status]) {
      expect(refusalSchema.safeParse(wrong).success, JSON.stringify(wrong)).toBe(false);
    }
    expect(refusalSchema.safeParse({ reason: 'noSuchReason', params: {} }).success).toBe(false);
    const cause: Refusal = { reason: 'backupFolderMissing', params: { folder: '/mnt/usb' } };
    expect(refusalSchema.safeParse({ reason: 'safetyBackupFailed', params: { cause } }).success).toBe(true);
  });
});

describe('refusals at the dispatch boundary', () => {
  let shop: Shop;
  beforeEach(async () => {
    shop = await openShop();
  });
  afterEach(() => shop.app.cleanup());

  it('stock: not enough on the shelf, a code already taken', async () => {
    const scrap = await refused(shop.app, () =>
      shop.clerk.call('stock.post', {
        kind: 'scrap',
        reason: '摔坏',
        lines: [{ partId: shop.film.id, qty: 51 }],
      }),
    );
    expectRefusal(scrap, 'insufficientStock', { partCode: 'FILM-01', onHand: 50 });
    expect(scrap.details?.fields).toEqual([
      {
        path: 'lines.0.qty',
        reason: 'insufficientStock',
        params: { partCode: 'FILM-01', onHand: 50 },
        message: 'only 50 on hand',
      },
    ]);

    const taken = await refused(shop.app, () =>
      shop.clerk.call('parts.create', { code: 'SCR-IP13', name: '另一块屏幕' }),
    );
    expectRefusal(taken, 'partCodeTaken', { code: 'SCR-IP13' });
    expect(taken.details?.fields?.map((f) => f.path)).toEqual(['code']);
  });

  it('settlements: over the balance, unpaid at delivery, a closed day', async () => {
    const order = await orderInRepair(shop);
    await addLines(shop, order.id, { charges: [{ itemCode: 'WX' }] });
    const s = await shop.clerk.ok('settlements.create', { id: order.id });
    const over = await refused(shop.app, () =>
      shop.clerk.call('settlements.pay', { settlementId: s.id, method: 'cash', amount: 8001 }),
    );
    expectRefusal(over, 'overBalance', { balance: 8000 });

    await shop.clerk.ok('settlements.pay', { settlementId: s.id, method: 'cash', amount: 2400 });
    await moveTo(shop, await shop.clerk.ok('workOrders.get', { id: order.id }), ['qc', 'ready']);
    const unpaid = await refused(shop.app, () =>
      shop.clerk.call('workOrders.transition', { id: order.id, to: 'delivered' }),
    );
    expectRefusal(unpaid, 'settlementUnpaid', { settlementNo: s.settlementNo, balance: 5600 });

    const approval = await refused(shop.app, () =>
      shop.clerk.call('settlements.void', { id: s.id, reason: '开错了' }),
    );
    expectRefusal(approval, 'needsApproval', { action: 'void' });
    const wrong = await refused(
      shop.app,
      () =>
        shop.clerk.call('settlements.void', {
          id: s.id,
          reason: '开错了',
          approval: { username: MANAGER.username, password: 'not-it' },
        }),
      ['users', 'audit_log'],
    );
    expectRefusal(wrong, 'approverWrongPassword', {});
    expect(wrong.details?.fields?.map((f) => f.path)).toEqual(['approval.password']);

    const today = localDate(shop.app.clock.ms);
    await shop.manager.ok('dayClose.close', { date: today });
    const closed = await refused(shop.app, () =>
      shop.clerk.call('settlements.pay', { settlementId: s.id, method: 'cash', amount: 100 }),
    );
    expectRefusal(closed, 'dayClosed', { date: today });
    expect(closed.details?.fields?.map((f) => f.path)).toEqual(['date']);
    const again = await refused(shop.app, () => shop.manager.call('dayClose.close', { date: today }));
    expectRefusal(again, 'dayAlreadyClosed', { date: today });
  });

  it('work orders: an illegal move, a missing reason, lines frozen under a settlement', async () => {
    const order = await orderInRepair(shop);
    const back = await refused(shop.app, () =>
      shop.clerk.call('workOrders.transition', { id: order.id, to: 'received' }),
    );
    expectRefusal(back, 'transitionNotAllowed', { orderNo: order.orderNo, from: 'inRepair', to: 'received' });

    const noReason = await refused(shop.app, () =>
      shop.clerk.call('workOrders.transition', { id: order.id, to: 'cancelled', note: '' }),
    );
    expectRefusal(noReason, 'noteRequired', { to: 'cancelled' });
    expect(noReason.details?.fields?.map((f) => f.path)).toEqual(['note']);

    await addLines(shop, order.id, { charges: [{ itemCode: 'WX' }] });
    const s = await shop.clerk.ok('settlements.create', { id: order.id });
    const frozen = await refused(shop.app, () =>
      shop.tech.call('workOrders.addPart', { id: order.id, partId: shop.film.id, qty: 1 }),
    );
    expectRefusal(frozen, 'settlementLocksOrder', { settlementNo: s.settlementNo, change: 'parts' });
    const cancel = await refused(shop.app, () =>
      shop.clerk.call('workOrders.transition', { id: order.id, to: 'cancelled', note: '客户不修了' }),
    );
    expectRefusal(cancel, 'settlementBlocksCancel', { settlementNo: s.settlementNo });
  });

  it('customers and devices: a phone another customer has, open orders, a device nobody could tell apart', async () => {
    const first = await shop.clerk.ok('customers.create', {
      name: '李四',
      phones: [{ phone: '13900001111', label: '' }],
    });
    const twin = await refused(shop.app, () =>
      shop.clerk.call('customers.create', { name: '李四', phones: [{ phone: '139 0000 1111', label: '' }] }),
    );
    expectRefusal(twin, 'phoneTaken', {});
    expect(twin.details?.matches?.map((m) => m.id)).toEqual([first.id]);

    await orderInRepair(shop);
    const open = await refused(shop.app, () => shop.clerk.call('customers.archive', { id: shop.customerId }));
    expectRefusal(open, 'customerHasOpenOrders', { count: 1 });
    const device = await refused(shop.app, () => shop.clerk.call('devices.archive', { id: shop.deviceId }));
    expectRefusal(device, 'deviceHasOpenOrders', { count: 1 });

    const bare = await refused(shop.app, () =>
      shop.clerk.raw('devices.create', { customerId: shop.customerId, category: '手机' }),
    );
    expect(bare.reason).toBe('invalidInput');
    expect(bare.details?.fields?.map((f) => [f.path, f.reason])).toEqual([
      ['brand', 'deviceIdentity'],
      ['model', 'deviceIdentity'],
      ['serialNo', 'deviceIdentity'],
    ]);
    const typo = await refused(shop.app, () =>
      shop.clerk.raw('customers.create', { name: '', phones: [{ phone: '13900002222', label: '' }] }),
    );
    expectRefusal(typo, 'invalidInput', {});
    expect(typo.details?.fields?.map((f) => [f.path, f.reason])).toEqual([['name', 'invalidInput']]);
  });

  it('auth and users: wrong credentials, a wrong password until the lock, a taken name, the last admin', async () => {
    const door = shop.app.connect();
    const stranger = await refused(
      shop.app,
      () => door.call('auth.signIn', { username: 'clerk1', password: 'guess' }),
      ['users', 'audit_log'],
    );
    expectRefusal(stranger, 'wrongCredentials', {});

    const clerk = await signedInAs(shop.app, shop.admin, 'clerk', 'xiaoli');
    const answers: RpcError[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await clerk.call('auth.changePassword', {
        currentPassword: `wrong-${i}`,
        newPassword: 'new-password-9',
      });
      if (answer.ok) expect.fail('a wrong password was taken');
      else answers.push(answer.error);
    }
    expectRefusal(answers[0] ?? stranger, 'wrongPassword', {});
    expect(answers[0]?.details?.fields?.map((f) => [f.path, f.reason])).toEqual([
      ['currentPassword', 'wrongPassword'],
    ]);
    expectRefusal(answers[4] ?? stranger, 'accountLockedUntil', {
      lockedUntil: shop.app.clock.ms + LOCKOUT_MS,
    });

    const taken = await refused(shop.app, () =>
      shop.admin.call('users.create', {
        username: 'xiaoli',
        displayName: '小李',
        role: 'clerk',
        password: 'clerk-password-2',
      }),
    );
    expectRefusal(taken, 'usernameTaken', {});
    const adminId = (await shop.admin.ok('users.list', {})).find((u) => u.username === 'admin')?.id ?? '';
    const demoted = await refused(shop.app, () =>
      shop.admin.call('users.update', { id: adminId, role: 'manager' }),
    );
    expectRefusal(demoted, 'lastAdmin', {});
    expect(demoted.details?.fields?.map((f) => f.path)).toEqual(['role']);
  });
});

describe('backup and restore refusals at the dispatch boundary', () => {
  let app: ReturnType<typeof startBackupApp>;
  beforeEach(() => {
    app = startBackupApp();
  });
  afterEach(() => app.cleanup());

  it('name the folder, the file and the confirmation, with no bilingual text', async () => {
    const admin = app.connect();
    await admin.ok('auth.setup', {
      shopName: '城东维修中心',
      branchCode: 'bj01',
      admin: { username: 'admin', displayName: '老王', password: 'counter-admin-1' },
    });
    const before = snapshot(app.core);
    const folder = join(app.dir, 'unplugged-drive');
    const missing = await admin.call('backup.now', { folder });
    if (missing.ok) expect.fail('backed up into a missing folder');
    expectRefusal(missing.error, 'backupFolderMissing', { folder });
    expect(missing.error.message).not.toMatch(/[\u4e00-\u9fff]/);

    const none = await admin.call('backup.now', {});
    if (none.ok) expect.fail('backed up with no folder');
    expectRefusal(none.error, 'noBackupFolder', {});

    const file = join(app.dir, 'nope.tar.gz');
    const restore = await admin.call('backup.restore', { file, expectCreatedAt: app.clock.ms });
    if (restore.ok) expect.fail('restored a missing file');
    expectRefusal(restore.error, 'backupFileMissing', { file });

    const reset = await admin.call('backup.reset', { confirm: '城西维修中心' });
    if (reset.ok) expect.fail('reset with the wrong shop name');
    expectRefusal(reset.error, 'resetNotConfirmed', {});
    expect(reset.error.details?.fields?.map((f) => [f.path, f.reason])).toEqual([
      ['confirm', 'resetNotConfirmed'],
    ]);
    expect(snapshot(app.core)).toBe(before);

    // The failed run is kept with its reason, for the history and the home screen's warning.
    const [run] = await admin.ok('backup.history', {});
    expect(run?.failure).toEqual({ reason: 'backupFolderMissing', params: { folder } });
  });
});
