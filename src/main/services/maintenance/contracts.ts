import { and, desc, eq, inArray, ne, count } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import { localDate } from '@shared/dates';
import type { ServiceContract } from '@shared/schemas/maintenance';
import {
  contractVisits,
  customers,
  devices,
  serviceContractDevices,
  serviceContracts,
  workOrders,
  type ServiceContractRecord,
  type WorkOrderRecord,
} from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Queryable, Tx } from '../context';
import { nextSequence } from '../sequences';
import { readShop } from '../settings';
import { actorOf } from '../users';
import { deviceLabel } from '../workOrders/rows';

/** HT-BJ01-20261203-0001: 合同 prefix, branch code, the local date, the day's sequence; never reused. */
function nextContractNo(tx: Tx, at: number): string {
  const branch = readShop(tx)?.branchCode ?? 'XX';
  const day = localDate(at).replaceAll('-', '');
  for (;;) {
    const seq = nextSequence(tx, `serviceContract:HT:${branch}:${day}`);
    const contractNo = `HT-${branch}-${day}-${String(seq).padStart(4, '0')}`;
    const taken = tx
      .select({ id: serviceContracts.id })
      .from(serviceContracts)
      .where(eq(serviceContracts.contractNo, contractNo))
      .get();
    if (!taken) return contractNo;
  }
}

/**
 * Visits used: orders under the contract that were not cancelled. A cancelled order gives its visit
 * back — nothing was done or billed under it (its parts went back on the shelf), so the customer did
 * not use a visit; an order given up on (unrepairable) still counts, the technician came.
 */
function visitsUsed(q: Queryable, contractId: string): number {
  return (
    q
      .select({ n: count() })
      .from(contractVisits)
      .innerJoin(workOrders, eq(workOrders.id, contractVisits.workOrderId))
      .where(and(eq(contractVisits.contractId, contractId), ne(workOrders.status, 'cancelled')))
      .get()?.n ?? 0
  );
}

function stateOn(c: ServiceContractRecord, today: string): ServiceContract['state'] {
  if (today < c.startsOn) return 'pending';
  return today > c.endsOn ? 'expired' : 'active';
}

function toContract(q: Queryable, c: ServiceContractRecord, today: string): ServiceContract {
  const customer = q
    .select({ name: customers.name })
    .from(customers)
    .where(eq(customers.id, c.customerId))
    .get();
  const covered = q
    .select({ id: devices.id, category: devices.category, brand: devices.brand, model: devices.model })
    .from(serviceContractDevices)
    .innerJoin(devices, eq(devices.id, serviceContractDevices.deviceId))
    .where(eq(serviceContractDevices.contractId, c.id))
    .all();
  return {
    id: c.id,
    contractNo: c.contractNo,
    customerId: c.customerId,
    customerName: customer?.name ?? '',
    devices: covered.map((d) => ({ id: d.id, label: deviceLabel(d) })),
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    visits: c.visits,
    visitsUsed: visitsUsed(q, c.id),
    covers: c.covers,
    note: c.note,
    state: stateOn(c, today),
    createdAt: c.createdAt,
  };
}

function contractRecord(q: Queryable, id: string, field = 'id'): ServiceContractRecord {
  const c = q.select().from(serviceContracts).where(eq(serviceContracts.id, id)).get();
  if (!c) throw fieldError(field, 'serviceContractNotFound', {}, 'service contract not found');
  return c;
}

export function createContract(ctx: CallContext, input: ParsedInputOf<'contracts.create'>): ServiceContract {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const at = now();
    const customer = tx.select().from(customers).where(eq(customers.id, input.customerId)).get();
    if (!customer) throw fieldError('customerId', 'customerNotFound', {}, 'customer not found');
    if (customer.mergedIntoId !== null || customer.archivedAt !== null) {
      const problem = customer.mergedIntoId !== null ? 'merged' : 'archived';
      throw fieldError('customerId', 'customerNotUsable', { problem }, 'customer is not usable');
    }
    const ids = [...new Set(input.deviceIds)];
    const owned = tx
      .select({ id: devices.id })
      .from(devices)
      .where(and(inArray(devices.id, ids), eq(devices.customerId, customer.id)))
      .all();
    if (owned.length !== ids.length) {
      throw fieldError('deviceIds', 'contractDeviceNotOwned', {}, 'a device is not this customer’s');
    }
    const record: ServiceContractRecord = {
      id: uuidv7(),
      contractNo: nextContractNo(tx, at),
      customerId: customer.id,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      visits: input.visits,
      covers: input.covers,
      note: input.note,
      createdBy: ctx.user?.id ?? null,
      createdAt: at,
    };
    tx.insert(serviceContracts).values(record).run();
    for (const deviceId of ids)
      tx.insert(serviceContractDevices).values({ contractId: record.id, deviceId }).run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'create',
      entity: 'serviceContract',
      entityId: record.id,
      after: { ...record, deviceIds: ids },
    });
    return toContract(tx, record, localDate(at));
  });
}

export function getContract(ctx: CallContext, id: string): ServiceContract {
  const q = ctx.deps.db;
  const c = q.select().from(serviceContracts).where(eq(serviceContracts.id, id)).get();
  if (!c) throw new AppError('serviceContractNotFound', {}, 'service contract not found');
  return toContract(q, c, localDate(ctx.deps.now()));
}

/** Newest first; by customer, or the contracts covering one device (the intake's choice). */
export function listContracts(ctx: CallContext, input: ParsedInputOf<'contracts.list'>): ServiceContract[] {
  const q = ctx.deps.db;
  const today = localDate(ctx.deps.now());
  const base = q.select({ c: serviceContracts }).from(serviceContracts);
  const rows = input.deviceId
    ? base
        .innerJoin(serviceContractDevices, eq(serviceContractDevices.contractId, serviceContracts.id))
        .where(eq(serviceContractDevices.deviceId, input.deviceId))
        .orderBy(desc(serviceContracts.createdAt))
        .all()
    : base
        .where(input.customerId ? eq(serviceContracts.customerId, input.customerId) : undefined)
        .orderBy(desc(serviceContracts.createdAt))
        .limit(500)
        .all();
  return rows.map((r) => toContract(q, r.c, today));
}

/**
 * A new work order under a contract: in force on the server's day, covering the order's device,
 * with a visit left. Called inside the order's transaction, so a refusal leaves nothing behind.
 */
export function openContractVisit(tx: Tx, order: WorkOrderRecord, contractId: string, at: number): void {
  const c = contractRecord(tx, contractId, 'contractId');
  const today = localDate(at);
  if (stateOn(c, today) !== 'active') {
    const params = { contractNo: c.contractNo, startsOn: c.startsOn, endsOn: c.endsOn };
    throw fieldError('contractId', 'contractNotInForce', params, `contract ${c.contractNo} is not in force`);
  }
  const covered = tx
    .select({ id: serviceContractDevices.deviceId })
    .from(serviceContractDevices)
    .where(
      and(eq(serviceContractDevices.contractId, c.id), eq(serviceContractDevices.deviceId, order.deviceId)),
    )
    .get();
  if (!covered) {
    const params = { contractNo: c.contractNo };
    throw fieldError('contractId', 'contractDeviceNotCovered', params, 'device not covered by the contract');
  }
  if (visitsUsed(tx, c.id) >= c.visits) {
    const params = { contractNo: c.contractNo, visits: c.visits };
    throw fieldError(
      'contractId',
      'contractVisitsUsedUp',
      params,
      `contract ${c.contractNo} has no visit left`,
    );
  }
  tx.insert(contractVisits).values({ workOrderId: order.id, contractId: c.id, at }).run();
}
