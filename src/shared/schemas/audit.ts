import { z } from 'zod';
import { epochMs, id, page, pageSize, paged } from './common';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'void',
  'restore',
  'signIn',
  'signInFailed',
  'signOut',
  'lockout',
  'passwordChange',
  'passwordReset',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
/** What an audit row is about (its `entity` column). */
export const AUDIT_ENTITIES = [
  'user',
  'settings',
  'session',
  'customer',
  'device',
  'workOrder',
  'workOrderAttachment',
  'settlement',
  'payment',
  'dayClose',
  'part',
  'supplier',
  'stockDocument',
  'backupSettings',
  'database',
  'terminal',
  'followUp',
  'complaint',
  'outboxMessage',
  'deposit',
  'appointment',
  'maintenancePlan',
  'serviceContract',
  'historyImport',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const jsonObject = z.record(z.string(), z.unknown());

export const auditEntry = z.object({
  id,
  at: epochMs,
  userId: id.nullable(),
  username: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: jsonObject.nullable(),
  after: jsonObject.nullable(),
  /** The LAN terminal the write came from; null on the host's own screen. */
  terminalName: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditListInput = z
  .object({
    userId: id.optional(),
    entity: z.string().max(40).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
    page,
    pageSize,
  })
  .strict()
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    path: ['to'],
    message: 'end before start',
  });
export type AuditListInput = z.input<typeof auditListInput>;

export const auditList = paged(auditEntry);
export const auditFacets = z.object({
  entities: z.array(z.string()),
  users: z.array(z.object({ id, username: z.string() })),
});
