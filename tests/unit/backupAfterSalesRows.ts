import { v7 as uuidv7 } from 'uuid';
import { complaintEvents, complaints, followUpCalls, followUps } from '../../src/main/db/schema';
import type { TestApp } from './harness';

const HOUR = 3_600_000;
/** Times off the hour: a cell at exactly local midnight would read as a date alone, in some zone. */
const OFF_THE_HOUR = 7 * 60_000;

/** Who and what the after-sales rows point at: ids of rows the test made first. */
export interface AfterSalesLinks {
  orderId: string;
  customerId: string;
  /** The clerk who called and took the complaint. */
  clerkId: string;
  /** The staff member the complaint is about. */
  staffId: string;
  /** Who handles the complaint. */
  ownerId: string;
  reworkOrderId: string | null;
  refundPaymentId: string | null;
}

export interface AfterSalesRows {
  followUpId: string;
  complaintId: string;
  complaintNo: string;
  comment: string;
  description: string;
  /** When the follow-up was made; its calls and the complaint's steps are whole hours after. */
  at: number;
}

/**
 * A follow-up (not reached, then reached with low scores and "problem not solved"), the complaint
 * that call opened and its steps to 已关闭 with the customer's confirmation, written straight into
 * the store: the export and the backup are checked here, not the follow-up or complaint services.
 */
export function insertAfterSales(app: TestApp, links: AfterSalesLinks): AfterSalesRows {
  const db = app.core.deps.db;
  const at = app.clock.ms + OFF_THE_HOUR;
  const followUpId = uuidv7();
  const complaintId = uuidv7();
  const complaintNo = 'TS-BJ01-20261123-0001';
  const comment = '屏幕换了还是有点漏光';
  const description = '换屏后屏幕边缘漏光，回访时客户反映';
  const clerk = { userId: links.clerkId, username: 'clerk1' };

  db.insert(followUps)
    .values({
      id: followUpId,
      workOrderId: links.orderId,
      customerId: links.customerId,
      dueAt: at + 72 * HOUR,
      state: 'reached',
      attempts: 2,
      attitude: 5,
      quality: 2,
      timeliness: 4,
      price: 3,
      comment,
      problemUnsolved: true,
      complaintId,
      reworkOrderId: links.reworkOrderId,
      doneAt: at + 96 * HOUR,
      doneBy: links.clerkId,
      createdAt: at,
    })
    .run();
  db.insert(followUpCalls)
    .values([
      { id: uuidv7(), followUpId, at: at + 72 * HOUR, ...clerk, result: 'notReached', note: '无人接听' },
      { id: uuidv7(), followUpId, at: at + 96 * HOUR, ...clerk, result: 'reached', note: comment },
    ])
    .run();

  const opened = at + 96 * HOUR;
  db.insert(complaints)
    .values({
      id: complaintId,
      complaintNo,
      customerId: links.customerId,
      workOrderId: links.orderId,
      staffUserId: links.staffId,
      followUpId,
      channel: 'followUp',
      category: 'quality',
      severity: 'major',
      description,
      ownerId: links.ownerId,
      status: 'closed',
      firstResponseDue: opened + 4 * HOUR,
      resolutionDue: opened + 48 * HOUR,
      firstRespondedAt: opened + HOUR,
      resolvedAt: opened + 24 * HOUR,
      closedAt: opened + 30 * HOUR,
      resolutionKind: 'refund',
      resolutionNote: '退还部分维修费并返修',
      refundPaymentId: links.refundPaymentId,
      reworkOrderId: links.reworkOrderId,
      compensationAmount: 5000,
      confirmedBy: '张三',
      confirmationNote: '电话确认满意',
      confirmedAt: opened + 30 * HOUR,
      createdBy: links.clerkId,
      createdAt: opened,
      updatedAt: opened + 30 * HOUR,
      version: 4,
    })
    .run();
  const step = (
    hours: number,
    kind: 'created' | 'status' | 'resolution' | 'confirmation',
    fromStatus: 'received' | 'inProgress' | 'awaitingConfirmation' | null,
    toStatus: 'received' | 'inProgress' | 'awaitingConfirmation' | 'closed' | null,
    note: string,
  ) => ({
    id: uuidv7(),
    complaintId,
    at: opened + hours * HOUR,
    ...clerk,
    kind,
    fromStatus,
    toStatus,
    note,
    data: null,
    terminalName: null,
  });
  db.insert(complaintEvents)
    .values([
      step(0, 'created', null, 'received', description),
      step(1, 'status', 'received', 'inProgress', '已联系客户，安排返修'),
      step(24, 'resolution', 'inProgress', 'awaitingConfirmation', '退还部分维修费并返修'),
      step(30, 'confirmation', 'awaitingConfirmation', 'closed', '电话确认满意'),
    ])
    .run();
  return { followUpId, complaintId, complaintNo, comment, description, at };
}
