import { z } from 'zod';
import type { Permission } from './roles';
import { empty, ok } from './schemas/common';
import {
  createContractInput,
  createPlanInput,
  devicePlansInput,
  dueList,
  dueListInput,
  listContractsInput,
  maintenancePlan,
  reportReadingInput,
  serviceContract,
  updatePlanInput,
  warrantyExpiringInput,
  warrantyExpiringList,
} from './schemas/maintenance';
import { appState, changePasswordInput, setupInput, signInInput, unlockInput } from './schemas/auth';
import { createUserInput, resetPasswordInput, sessionUser, updateUserInput, userRow } from './schemas/users';
import { auditFacets, auditList, auditListInput } from './schemas/audit';
import { settingsView, updateSettingsInput } from './schemas/settings';
import { id } from './schemas/common';
import { lanSettings, lanStatus, renameTerminalInput, terminalRow } from './schemas/lan';
import {
  checkPhoneInput,
  createCustomerInput,
  customer,
  customerList,
  listCustomersInput,
  mergeCustomersInput,
  phoneMatch,
  updateCustomerInput,
} from './schemas/customers';
import { createDeviceInput, device, updateDeviceInput } from './schemas/devices';
import {
  addAttachmentInput,
  assignInput,
  attachmentData,
  createWorkOrderInput,
  listWorkOrdersInput,
  noteInput,
  overrideWarrantyInput,
  renewApprovalInput,
  transitionInput,
  updateWorkOrderInput,
  workOrderDetail,
  workOrderList,
  workOrderRow,
} from './schemas/workOrders';
import { searchInput, searchResult } from './schemas/search';
import { refundDepositInput, takeDepositInput } from './schemas/deposits';
import {
  adjustCostInput,
  adjustStockInput,
  createPartInput,
  createSupplierInput,
  listPartsInput,
  listStockDocumentsInput,
  listSuppliersInput,
  movementList,
  movementsInput,
  part,
  partList,
  postStockInput,
  reverseStockInput,
  stockAlert,
  stockCheck,
  stockDocument,
  stockDocumentList,
  supplier,
  updatePartInput,
  updateSupplierInput,
  usageInput,
  usageRow,
  valuation,
  valuationInput,
} from './schemas/stock';
import { addOrderPartInput, removeOrderPartInput, updateOrderPartInput } from './schemas/orderParts';
import { addChargeInput, removeChargeInput, updateChargeInput } from './schemas/charges';
import {
  addPaymentInput,
  createSettlementInput,
  dayInput,
  dayReport,
  listSettlementsInput,
  previewSettlementInput,
  refundInput,
  reopenDayInput,
  settlement,
  settlementList,
  settlementTotals,
  voidSettlementInput,
} from './schemas/settlements';
import { exportInput, exportMovementsInput, importInput, importResult, xlsxFile } from './schemas/excel';
import {
  deleteMappingInput,
  historyImportInput,
  historyImportRecord,
  historyImportResult,
  historyPreview,
  historyPreviewInput,
  historyProgress,
  historyTemplateInput,
  saveMappingInput,
  savedMapping,
} from './schemas/history';
import {
  backupInspection,
  backupNowInput,
  backupProgress,
  backupRun,
  backupSettings,
  backupStatus,
  fullExportInput,
  fullExportResult,
  inspectBackupInput,
  pickInput,
  pickResult,
  recoveryState,
  resetInput,
  resetResult,
  restoreInput,
  restoreResult,
} from './schemas/backup';
import {
  byCategoryReport,
  dashboard,
  partsReport,
  periodInput,
  qualityReport,
  reportExportInput,
  revenueReport,
  serviceQualityReport,
  technicianReport,
  turnaroundReport,
  volumeReport,
  warrantyClaimsReport,
} from './schemas/reports';
import { printCount, printRef } from './schemas/prints';
import { channelsView, testSendInput, testSendResult, updateChannelsInput } from './schemas/channels';
import { signIntakeInput } from './schemas/handover';
import {
  assignOnsiteInput,
  onsiteBoard,
  onsiteBoardInput,
  onsiteOfOrder,
  onsiteReport,
  onsiteRouteInput,
  onsiteSignInput,
  onsiteVisitInput,
  routeSheets,
  setOnsiteInput,
} from './schemas/onsite';
import { followUpList, followUpRow, listFollowUpsInput, recordCallInput } from './schemas/followUps';
import {
  appointmentList,
  appointmentRow,
  bookAppointmentInput,
  cancelAppointmentInput,
  listAppointmentsInput,
} from './schemas/appointments';
import {
  assignComplaintInput,
  complaintDetail,
  complaintList,
  complaintNoteInput,
  complaintStaff,
  createComplaintInput,
  listComplaintsInput,
  moveComplaintInput,
} from './schemas/complaints';
import {
  answerMessageInput,
  composed,
  composeInput,
  listOutboxInput,
  messageSettings,
  orderMessagesInput,
  outboxList,
  outboxRow,
  previewValues,
  previewValuesInput,
} from './schemas/messages';

const byId = z.object({ id }).strict();

/**
 * Who may call a method: anyone (`public`), any signed-in user (`signedIn`), or holders of a
 * permission. `whileLocked` methods still work when the screen lock is on.
 */
export type Access = 'public' | 'signedIn' | Permission;

interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  whileLocked?: boolean;
  /** Only the host PC's own screen may call it; a LAN terminal gets `hostOnly`. */
  hostOnly?: boolean;
}

function method<I extends z.ZodType, O extends z.ZodType>(spec: {
  input: I;
  output: O;
  access: Access;
  whileLocked?: boolean;
  hostOnly?: boolean;
}) {
  return spec satisfies MethodSpec;
}

/** Every method the renderer may call. A method that is not here does not exist. */
export const contract = {
  'auth.state': method({ input: empty, output: appState, access: 'public', whileLocked: true }),
  'auth.setup': method({ input: setupInput, output: sessionUser, access: 'public' }),
  'auth.signIn': method({ input: signInInput, output: sessionUser, access: 'public' }),
  'auth.signOut': method({ input: empty, output: ok, access: 'signedIn', whileLocked: true }),
  'auth.lock': method({ input: empty, output: ok, access: 'signedIn' }),
  'auth.unlock': method({ input: unlockInput, output: ok, access: 'signedIn', whileLocked: true }),
  'auth.changePassword': method({ input: changePasswordInput, output: ok, access: 'signedIn' }),

  'users.list': method({ input: empty, output: z.array(userRow), access: 'users.read' }),
  'users.create': method({ input: createUserInput, output: userRow, access: 'users.write' }),
  'users.update': method({ input: updateUserInput, output: userRow, access: 'users.write' }),
  'users.resetPassword': method({ input: resetPasswordInput, output: userRow, access: 'users.write' }),

  'audit.list': method({ input: auditListInput, output: auditList, access: 'audit.read' }),
  'audit.facets': method({ input: empty, output: auditFacets, access: 'audit.read' }),

  'settings.get': method({ input: empty, output: settingsView, access: 'settings.read' }),
  'settings.update': method({ input: updateSettingsInput, output: settingsView, access: 'settings.write' }),

  'search.global': method({ input: searchInput, output: searchResult, access: 'customers.read' }),

  'customers.list': method({ input: listCustomersInput, output: customerList, access: 'customers.read' }),
  'customers.get': method({
    input: byId,
    output: z.object({ customer, devices: z.array(device), workOrders: z.array(workOrderRow) }),
    access: 'customers.read',
  }),
  'customers.checkPhone': method({
    input: checkPhoneInput,
    output: z.array(phoneMatch),
    access: 'customers.read',
  }),
  'customers.create': method({ input: createCustomerInput, output: customer, access: 'customers.write' }),
  'customers.update': method({ input: updateCustomerInput, output: customer, access: 'customers.write' }),
  'customers.archive': method({ input: byId, output: customer, access: 'customers.write' }),
  'customers.restore': method({ input: byId, output: customer, access: 'customers.write' }),
  'customers.merge': method({ input: mergeCustomersInput, output: customer, access: 'customers.merge' }),
  /** All or nothing; a phone already on file is an error, not a merge. */
  'customers.import': method({ input: importInput, output: importResult, access: 'customers.write' }),
  'customers.importTemplate': method({ input: exportInput, output: xlsxFile, access: 'customers.read' }),
  'customers.export': method({ input: exportInput, output: xlsxFile, access: 'customers.read' }),

  'devices.get': method({
    input: byId,
    output: z.object({ device, workOrders: z.array(workOrderRow) }),
    access: 'customers.read',
  }),
  'devices.create': method({ input: createDeviceInput, output: device, access: 'customers.write' }),
  'devices.update': method({ input: updateDeviceInput, output: device, access: 'customers.write' }),
  'devices.archive': method({ input: byId, output: device, access: 'customers.write' }),
  'devices.restore': method({ input: byId, output: device, access: 'customers.write' }),

  'workOrders.list': method({ input: listWorkOrdersInput, output: workOrderList, access: 'workOrders.read' }),
  'workOrders.get': method({ input: byId, output: workOrderDetail, access: 'workOrders.read' }),
  'workOrders.create': method({
    input: createWorkOrderInput,
    output: workOrderDetail,
    access: 'workOrders.write',
  }),
  'workOrders.update': method({
    input: updateWorkOrderInput,
    output: workOrderDetail,
    access: 'workOrders.write',
  }),
  'workOrders.transition': method({
    input: transitionInput,
    output: workOrderDetail,
    access: 'workOrders.transition',
  }),
  /** The customer approves a new amount once the lines outgrew the approved quote; settling needs it. */
  'workOrders.renewApproval': method({
    input: renewApprovalInput,
    output: workOrderDetail,
    access: 'workOrders.transition',
  }),
  'workOrders.assign': method({ input: assignInput, output: workOrderDetail, access: 'workOrders.assign' }),
  'workOrders.addNote': method({ input: noteInput, output: workOrderDetail, access: 'workOrders.write' }),
  'workOrders.overrideWarranty': method({
    input: overrideWarrantyInput,
    output: workOrderDetail,
    access: 'workOrders.overrideWarranty',
  }),
  'workOrders.addAttachment': method({
    input: addAttachmentInput,
    output: workOrderDetail,
    access: 'workOrders.write',
  }),
  /** Takes the part off the shelf (an orderIssue document) in the same transaction. */
  'workOrders.addPart': method({
    input: addOrderPartInput,
    output: workOrderDetail,
    access: 'workOrders.write',
  }),
  'workOrders.updatePart': method({
    input: updateOrderPartInput,
    output: workOrderDetail,
    access: 'workOrders.write',
  }),
  /** Puts the line's parts back (an orderReturn document). Cancelling an order does this for every line. */
  'workOrders.removePart': method({
    input: removeOrderPartInput,
    output: workOrderDetail,
    access: 'workOrders.write',
  }),
  /** Labor and fee lines; refused while an active settlement exists (void it first). */
  // ── 上门服务: the visit of an on-site order, the dispatch board, route sheets, service report ──
  'onsite.get': method({
    input: z.object({ id }).strict(),
    output: onsiteOfOrder,
    access: 'workOrders.read',
  }),
  'onsite.set': method({ input: setOnsiteInput, output: onsiteOfOrder, access: 'workOrders.write' }),
  'onsite.assign': method({ input: assignOnsiteInput, output: onsiteOfOrder, access: 'workOrders.assign' }),
  'onsite.arrive': method({
    input: onsiteVisitInput,
    output: onsiteOfOrder,
    access: 'workOrders.transition',
  }),
  'onsite.finish': method({
    input: onsiteVisitInput,
    output: onsiteOfOrder,
    access: 'workOrders.transition',
  }),
  'onsite.sign': method({ input: onsiteSignInput, output: onsiteOfOrder, access: 'workOrders.write' }),
  'onsite.board': method({ input: onsiteBoardInput, output: onsiteBoard, access: 'workOrders.read' }),
  'onsite.routeSheets': method({ input: onsiteRouteInput, output: routeSheets, access: 'workOrders.read' }),
  'onsite.report': method({ input: onsiteVisitInput, output: onsiteReport, access: 'workOrders.read' }),
  'workOrders.addCharge': method({
    input: addChargeInput,
    output: workOrderDetail,
    access: 'workOrders.write',
  }),
  'workOrders.updateCharge': method({
    input: updateChargeInput,
    output: workOrderDetail,
    access: 'workOrders.write',
  }),
  'workOrders.removeCharge': method({
    input: removeChargeInput,
    output: workOrderDetail,
    access: 'workOrders.write',
  }),
  'workOrders.attachment': method({ input: byId, output: attachmentData, access: 'workOrders.read' }),
  /** 客户签名 for intake given after the order was taken (once; never replaced). */
  'workOrders.signIntake': method({
    input: signIntakeInput,
    output: workOrderDetail,
    access: 'workOrders.write',
  }),
  /** Who can be assigned: active technicians (and managers, who also repair in small shops). */
  'workOrders.technicians': method({
    input: empty,
    output: z.array(
      z.object({
        id,
        displayName: z.string(),
        username: z.string(),
        /** Pinyin initials of the name (陈工 → "cg"), so the picker finds a technician by typing them. */
        initials: z.string(),
        role: z.enum(['technician', 'manager', 'admin']),
      }),
    ),
    access: 'workOrders.read',
  }),

  'parts.list': method({ input: listPartsInput, output: partList, access: 'stock.read' }),
  'parts.get': method({ input: byId, output: part, access: 'stock.read' }),
  'parts.create': method({ input: createPartInput, output: part, access: 'stock.write' }),
  'parts.update': method({ input: updatePartInput, output: part, access: 'stock.write' }),
  'parts.archive': method({ input: byId, output: part, access: 'stock.write' }),
  'parts.restore': method({ input: byId, output: part, access: 'stock.write' }),
  /** 成本调整: a manager corrects the moving-average cost, with a reason (a document of its own). */
  'parts.adjustCost': method({ input: adjustCostInput, output: stockDocument, access: 'stock.adjust' }),
  /** All or nothing, matched on the part code (new codes created, known codes updated). */
  'parts.import': method({ input: importInput, output: importResult, access: 'stock.write' }),
  'parts.importTemplate': method({ input: exportInput, output: xlsxFile, access: 'stock.read' }),
  'parts.export': method({ input: exportInput, output: xlsxFile, access: 'stock.read' }),

  'suppliers.list': method({ input: listSuppliersInput, output: z.array(supplier), access: 'stock.read' }),
  'suppliers.create': method({ input: createSupplierInput, output: supplier, access: 'stock.write' }),
  'suppliers.update': method({ input: updateSupplierInput, output: supplier, access: 'stock.write' }),
  'suppliers.archive': method({ input: byId, output: supplier, access: 'stock.write' }),

  /** Receipts, returns to supplier, scraps and counts: posted at once, immutable afterwards. */
  'stock.post': method({ input: postStockInput, output: stockDocument, access: 'stock.write' }),
  'stock.adjust': method({ input: adjustStockInput, output: stockDocument, access: 'stock.adjust' }),
  /** Posts the opposite document; a document is reversed at most once. */
  'stock.reverse': method({ input: reverseStockInput, output: stockDocument, access: 'stock.adjust' }),
  'stock.get': method({ input: byId, output: stockDocument, access: 'stock.read' }),
  'stock.list': method({ input: listStockDocumentsInput, output: stockDocumentList, access: 'stock.read' }),
  'stock.movements': method({ input: movementsInput, output: movementList, access: 'stock.read' }),
  /** Proves every part's cached on-hand equals the sum of its movements. */
  'stock.check': method({ input: empty, output: stockCheck, access: 'stock.adjust' }),
  /** Low stock and parts waited for (the badge counts these). */
  'stock.alerts': method({ input: empty, output: z.array(stockAlert), access: 'stock.read' }),
  'stock.valuation': method({ input: valuationInput, output: valuation, access: 'stock.read' }),
  'stock.usage': method({ input: usageInput, output: z.array(usageRow), access: 'stock.read' }),
  'stock.exportOnHand': method({ input: exportInput, output: xlsxFile, access: 'stock.read' }),
  'stock.exportMovements': method({ input: exportMovementsInput, output: xlsxFile, access: 'stock.read' }),

  /** The figures a settlement of the order would have now, without saving anything. */
  'settlements.preview': method({
    input: previewSettlementInput,
    output: settlementTotals,
    access: 'settlements.read',
  }),
  'settlements.create': method({
    input: createSettlementInput,
    output: settlement,
    access: 'settlements.write',
  }),
  'settlements.get': method({ input: byId, output: settlement, access: 'settlements.read' }),
  /** The order's active settlement, or null. */
  'settlements.forOrder': method({ input: byId, output: settlement.nullable(), access: 'settlements.read' }),
  'settlements.list': method({
    input: listSettlementsInput,
    output: settlementList,
    access: 'settlements.read',
  }),
  'settlements.pay': method({ input: addPaymentInput, output: settlement, access: 'settlements.write' }),
  'settlements.refund': method({ input: refundInput, output: settlement, access: 'settlements.write' }),
  'settlements.void': method({ input: voidSettlementInput, output: settlement, access: 'settlements.write' }),

  /** 日结: the day's takings by method and by user, refunds and voids. */
  'dayClose.get': method({ input: dayInput, output: dayReport, access: 'settlements.read' }),
  'dayClose.close': method({ input: dayInput, output: dayReport, access: 'settlements.write' }),
  'dayClose.reopen': method({ input: reopenDayInput, output: dayReport, access: 'settlements.write' }),

  /** 订金 on an open, unsettled order; a refund needs a manager, like a settlement's. */
  'deposits.take': method({ input: takeDepositInput, output: workOrderDetail, access: 'settlements.write' }),
  'deposits.refund': method({
    input: refundDepositInput,
    output: workOrderDetail,
    access: 'settlements.write',
  }),

  /** The home screen's warning: last good backup, folder reachable. */
  'backup.status': method({ input: empty, output: backupStatus, access: 'signedIn' }),
  'backup.progress': method({ input: empty, output: backupProgress, access: 'signedIn', whileLocked: true }),
  'backup.history': method({
    input: empty,
    output: z.array(backupRun),
    access: 'backup.run',
    hostOnly: true,
  }),
  'backup.settings': method({ input: empty, output: backupSettings, access: 'backup.run', hostOnly: true }),
  'backup.updateSettings': method({
    input: backupSettings,
    output: backupSettings,
    access: 'backup.configure',
    hostOnly: true,
  }),
  /** Writes, verifies and renames one archive; poll backup.progress meanwhile. */
  'backup.now': method({ input: backupNowInput, output: backupRun, access: 'backup.run', hostOnly: true }),
  /** A native folder or file picker (Electron); browser mode answers supported: false. */
  'backup.pick': method({ input: pickInput, output: pickResult, access: 'backup.run', hostOnly: true }),
  /** Verifies an archive without changing anything: manifest, checksums, integrity, schema. */
  'backup.inspect': method({
    input: inspectBackupInput,
    output: backupInspection,
    access: 'backup.restore',
    hostOnly: true,
  }),
  /** Safety backup, atomic swap, reopen and migrate; every session is signed out afterwards. */
  'backup.restore': method({
    input: restoreInput,
    output: restoreResult,
    access: 'backup.restore',
    hostOnly: true,
  }),
  /** 清空数据: backup first, then an empty database keeping the shop profile, settings and users. */
  'backup.reset': method({ input: resetInput, output: resetResult, access: 'backup.reset', hostOnly: true }),
  /** Every record to one .xlsx, one sheet per area, written into a folder. */
  'backup.exportAll': method({
    input: fullExportInput,
    output: fullExportResult,
    access: 'backup.run',
    hostOnly: true,
  }),
  /** Start-up found the database damaged: what happened and which backups can restore it. */
  'recovery.state': method({ input: empty, output: recoveryState, access: 'public', hostOnly: true }),
  /** Only while the database is damaged (no one can sign in): restore a verified backup. */
  'recovery.restore': method({
    input: restoreInput,
    output: restoreResult,
    access: 'public',
    hostOnly: true,
  }),
  'recovery.inspect': method({
    input: inspectBackupInput,
    output: backupInspection,
    access: 'public',
    hostOnly: true,
  }),

  /** The home screen's figures for the signed-in user's role. */
  'dashboard.get': method({ input: empty, output: dashboard, access: 'signedIn' }),
  'reports.volume': method({ input: periodInput, output: volumeReport, access: 'reports.read' }),
  'reports.turnaround': method({ input: periodInput, output: turnaroundReport, access: 'reports.read' }),
  'reports.quality': method({ input: periodInput, output: qualityReport, access: 'reports.read' }),
  'reports.revenue': method({ input: periodInput, output: revenueReport, access: 'reports.read' }),
  'reports.warrantyClaims': method({
    input: periodInput,
    output: warrantyClaimsReport,
    access: 'reports.read',
  }),
  'reports.technicians': method({ input: periodInput, output: technicianReport, access: 'reports.read' }),
  'reports.parts': method({ input: periodInput, output: partsReport, access: 'reports.read' }),
  'reports.serviceQuality': method({
    input: periodInput,
    output: serviceQualityReport,
    access: 'reports.read',
  }),
  'reports.byCategory': method({ input: periodInput, output: byCategoryReport, access: 'reports.read' }),
  'reports.export': method({ input: reportExportInput, output: xlsxFile, access: 'reports.read' }),

  /** 历史导入: past work orders from .xlsx / .csv, dry run first, one transaction, undo until day close. */
  'history.preview': method({ input: historyPreviewInput, output: historyPreview, access: 'history.import' }),
  'history.import': method({
    input: historyImportInput,
    output: historyImportResult,
    access: 'history.import',
  }),
  'history.progress': method({ input: empty, output: historyProgress, access: 'history.import' }),
  'history.template': method({ input: historyTemplateInput, output: xlsxFile, access: 'history.import' }),
  'history.list': method({ input: empty, output: z.array(historyImportRecord), access: 'history.import' }),
  'history.undo': method({ input: byId, output: z.object({ id }), access: 'history.undo' }),
  'history.mappings': method({ input: empty, output: z.array(savedMapping), access: 'history.import' }),
  'history.saveMapping': method({
    input: saveMappingInput,
    output: z.array(savedMapping),
    access: 'history.import',
  }),
  'history.deleteMapping': method({
    input: deleteMappingInput,
    output: z.array(savedMapping),
    access: 'history.import',
  }),
  /** 删除示例数据: the demo shop's data goes as with 清空数据 (safety backup first), without typing its name. */
  'sampleData.remove': method({
    input: z.object({}).strict(),
    output: resetResult,
    access: 'backup.reset',
    hostOnly: true,
  }),

  /** 局域网共享 on the host: its settings, addresses, fingerprint and the open pairing code. */
  'lan.status': method({ input: empty, output: lanStatus, access: 'lan.manage', hostOnly: true }),
  'lan.configure': method({ input: lanSettings, output: lanStatus, access: 'lan.manage', hostOnly: true }),
  /** A fresh six-digit code (the previous one is void). */
  'lan.newPairingCode': method({ input: empty, output: lanStatus, access: 'lan.manage', hostOnly: true }),
  'lan.cancelPairingCode': method({ input: empty, output: lanStatus, access: 'lan.manage', hostOnly: true }),
  /** Paired terminals; an admin at any terminal may rename or revoke one (a stolen tablet). */
  'lan.terminals': method({ input: empty, output: z.array(terminalRow), access: 'lan.manage' }),
  'lan.renameTerminal': method({ input: renameTerminalInput, output: terminalRow, access: 'lan.manage' }),
  'lan.revokeTerminal': method({ input: byId, output: terminalRow, access: 'lan.manage' }),

  // ── 回访 follow-ups ──
  /** The queue by tab (today / overdue / pending / done), cut on the server's clock by local day. */
  'followUps.list': method({ input: listFollowUpsInput, output: followUpList, access: 'followUps.work' }),
  /** One call; 问题未解决 may open a complaint or a rework order in the same transaction. */
  'followUps.record': method({ input: recordCallInput, output: followUpRow, access: 'followUps.work' }),

  // ── 预约 appointments ──
  /** The calendar: one day or a week from `day` (the server's today when left out). */
  'appointments.list': method({
    input: listAppointmentsInput,
    output: appointmentList,
    access: 'appointments.read',
  }),
  'appointments.get': method({ input: byId, output: appointmentRow, access: 'appointments.read' }),
  /** 明日预约: tomorrow's booked appointments to call, on the server's clock. */
  'appointments.callList': method({ input: empty, output: appointmentList, access: 'appointments.read' }),
  /** Book; a collision (capacity, closed hours) needs `confirmCollisions`. Arrival is workOrders.create. */
  'appointments.book': method({
    input: bookAppointmentInput,
    output: appointmentRow,
    access: 'appointments.write',
  }),
  'appointments.cancel': method({
    input: cancelAppointmentInput,
    output: appointmentRow,
    access: 'appointments.write',
  }),
  /** 爽约: once the slot has started on the server's clock. */
  'appointments.noShow': method({ input: byId, output: appointmentRow, access: 'appointments.write' }),

  // ── 投诉 complaints ──
  /** Take a complaint (已受理); its deadlines come from the severity's hours in settings. */
  'complaints.create': method({
    input: createComplaintInput,
    output: complaintDetail,
    access: 'complaints.write',
  }),
  /** Newest first; each row says whether it is overdue now (the server's clock). */
  'complaints.list': method({ input: listComplaintsInput, output: complaintList, access: 'complaints.read' }),
  'complaints.get': method({ input: byId, output: complaintDetail, access: 'complaints.read' }),
  /** One step along the complaint's state machine, with its note (and answer or confirmation). */
  'complaints.move': method({
    input: moveComplaintInput,
    output: complaintDetail,
    access: 'complaints.write',
  }),
  'complaints.addNote': method({
    input: complaintNoteInput,
    output: complaintDetail,
    access: 'complaints.write',
  }),
  /** Who a complaint may name (about whom, its owner): the active users. */
  'complaints.staff': method({ input: empty, output: z.array(complaintStaff), access: 'complaints.read' }),
  'complaints.assign': method({
    input: assignComplaintInput,
    output: complaintDetail,
    access: 'complaints.write',
  }),

  // ── 消息 messages to customers: templates, the outbox, the clerk's prompts ──
  /** 设置 → 消息模板: the templates, modes, channels, reminder days, quiet hours, tries. */
  'messages.settings': method({ input: empty, output: messageSettings, access: 'messages.manage' }),
  /** Saved whole; a template naming an unknown variable is refused (unknownTemplateVariable). */
  'messages.updateSettings': method({
    input: messageSettings,
    output: messageSettings,
    access: 'messages.manage',
  }),
  /** The variables' values of an order (by number), else of a sample, for the live preview. */
  'messages.previewValues': method({
    input: previewValuesInput,
    output: previewValues,
    access: 'messages.manage',
  }),
  /** 发件箱: every message, newest first, by state, channel and the days it was made. */
  'messages.list': method({ input: listOutboxInput, output: outboxList, access: 'messages.manage' }),
  /** A failed (or cancelled) message queued again now, with a fresh count of tries. */
  'messages.retry': method({ input: byId, output: outboxRow, access: 'messages.manage' }),
  /** A message still waiting (queued, or waiting for the clerk) is never sent. */
  'messages.cancel': method({ input: byId, output: outboxRow, access: 'messages.manage' }),
  /** An order's messages, newest first; those waiting for the clerk's answer are the prompt. */
  'messages.forOrder': method({
    input: orderMessagesInput,
    output: z.array(outboxRow),
    access: 'messages.send',
  }),
  /** The clerk's answer to a prompt: send it, copied to WeChat (sent by the clerk), or skip. */
  'messages.answer': method({ input: answerMessageInput, output: outboxRow, access: 'messages.send' }),
  /** An event's text rendered for an order, to copy for WeChat (nothing is recorded). */
  'messages.compose': method({ input: composeInput, output: composed, access: 'messages.send' }),
  /** The clerk copied that text to WeChat: logged as sent by the clerk, on the order's timeline. */
  'messages.copiedForWechat': method({ input: composeInput, output: outboxRow, access: 'messages.send' }),

  /** How often a form of a document has been printed; the preview marks the next print 补打. */
  'prints.count': method({ input: printRef, output: printCount, access: 'signedIn' }),
  /** A print issued (打印): logged with who and when; returns its number, 2 and on are 补打. */
  'prints.record': method({ input: printRef, output: printCount, access: 'signedIn' }),

  // ── 消息通道 message channels: the SMS account and the mailbox; secrets only as set / not set ──
  'channels.get': method({ input: empty, output: channelsView, access: 'channels.manage' }),
  /** Each secret is kept, replaced or cleared; a channel turned on must be complete. */
  'channels.update': method({ input: updateChannelsInput, output: channelsView, access: 'channels.manage' }),
  /** One test message through the saved settings; the provider's refusal comes back as data. */
  'channels.test': method({ input: testSendInput, output: testSendResult, access: 'channels.manage' }),

  // ── 保养 maintenance plans, the due list, 维保合同 service contracts, warranty-expiry calls ──
  'maintenance.plans': method({
    input: devicePlansInput,
    output: z.array(maintenancePlan),
    access: 'maintenance.work',
  }),
  'maintenance.createPlan': method({
    input: createPlanInput,
    output: maintenancePlan,
    access: 'maintenance.work',
  }),
  'maintenance.updatePlan': method({
    input: updatePlanInput,
    output: maintenancePlan,
    access: 'maintenance.work',
  }),
  /** A reading the customer reports (source `reported`); returns the device's plans as they now stand. */
  'maintenance.reportReading': method({
    input: reportReadingInput,
    output: z.array(maintenancePlan),
    access: 'maintenance.work',
  }),
  /** 保养到期 by tab, cut on the server's day, with each tab's count. */
  'maintenance.due': method({ input: dueListInput, output: dueList, access: 'maintenance.work' }),
  /** 保修到期提醒: devices whose maker's warranty ends within N days, no-contact customers left off. */
  'maintenance.warrantyExpiring': method({
    input: warrantyExpiringInput,
    output: warrantyExpiringList,
    access: 'maintenance.work',
  }),
  'contracts.create': method({
    input: createContractInput,
    output: serviceContract,
    access: 'contracts.write',
  }),
  'contracts.list': method({
    input: listContractsInput,
    output: z.array(serviceContract),
    access: 'contracts.read',
  }),
  'contracts.get': method({ input: byId, output: serviceContract, access: 'contracts.read' }),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives after parsing. */
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
export type OutputOf<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}
