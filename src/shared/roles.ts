/** Roles and the permissions each holds. Dispatch enforces these; the renderer only hides. */
export const ROLES = ['admin', 'manager', 'clerk', 'technician'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'users.read',
  'users.write',
  'audit.read',
  'settings.read',
  'settings.write',
  'customers.read',
  'customers.write',
  'customers.merge',
  'workOrders.read',
  'workOrders.write',
  'workOrders.transition',
  'workOrders.assign',
  'workOrders.overrideWarranty',
  /** The device's unlock PIN or pattern: the bench needs it, the counter only types it in. */
  'workOrders.viewPassword',
  'stock.read',
  /** Parts, suppliers and the clerk's stock documents (receipts, returns, scraps, counts). */
  'stock.write',
  /** Manual adjustments, reversals and the ledger check. */
  'stock.adjust',
  'settlements.read',
  /** Make settlements, take payments, close the day. */
  'settlements.write',
  /**
   * What needs a manager: a discount above the limit, labor below its price, on account (挂账),
   * refunds, voids, reopening a closed day. Others may proceed with a manager's password.
   */
  'settlements.approve',
  /** Back up now, see the history, export everything to Excel. */
  'backup.run',
  /** Backup folder, schedule and retention; restore a backup. */
  'backup.configure',
  'backup.restore',
  /** 清空数据 (admin only). */
  'backup.reset',
  /** The analysis pages and printed reports. */
  'reports.read',
  /** 局域网共享: host mode, pairing codes, the terminals list (admin only). */
  'lan.manage',
  /** 回访: the follow-up queue and recording calls. */
  'followUps.work',
  'complaints.read',
  /** Take a complaint, work it, answer it, record the customer's confirmation. */
  'complaints.write',
  /** 消息通道: the SMS account and mailbox (their secrets are written, never read back), test sends. */
  'channels.manage',
  /** 消息模板 and the 发件箱 (outbox): templates, modes, quiet hours; retry or cancel a message. */
  'messages.manage',
  /** Answer the message prompt after an action (send / skip) and copy a message for WeChat. */
  'messages.send',
  /** 预约: the calendar and today's list. */
  'appointments.read',
  /** Book, cancel and record a no-show (arrival is the intake: workOrders.write). */
  'appointments.write',
  /** 保养: plans, the due list, readings the customer reports, the warranty-expiry call list. */
  'maintenance.work',
  'contracts.read',
  /** 维保合同: make a service contract (a sale the manager signs). */
  'contracts.write',
  /** 历史导入: import past work orders (admin, manager). */
  'history.import',
  /** Undo a whole history import until the next day close (admin only). */
  'history.undo',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  manager: PERMISSIONS.filter(
    (p) =>
      p !== 'users.write' &&
      p !== 'settings.write' &&
      p !== 'backup.reset' &&
      p !== 'lan.manage' &&
      p !== 'history.undo',
  ),
  clerk: [
    'settings.read',
    'customers.read',
    'customers.write',
    'workOrders.read',
    'workOrders.write',
    'workOrders.transition',
    'workOrders.assign',
    'workOrders.overrideWarranty',
    'stock.read',
    'stock.write',
    'settlements.read',
    'settlements.write',
    'backup.run',
    'followUps.work',
    'complaints.read',
    'complaints.write',
    'messages.send',
    'appointments.read',
    'appointments.write',
    'maintenance.work',
    'contracts.read',
  ],
  technician: [
    'settings.read',
    'customers.read',
    'workOrders.read',
    'workOrders.write',
    'workOrders.transition',
    'workOrders.viewPassword',
    'stock.read',
  ],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
