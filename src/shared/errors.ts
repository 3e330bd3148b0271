import { z } from 'zod';
import { ROLES } from './roles';
import { PRINT_FORMS } from './schemas/prints';
import { PAYMENT_METHODS } from './schemas/settlements';
import { WARRANTY_STATUSES } from './warranty';
import { COMPLAINT_STATUSES } from './schemas/complaintKinds';
import { FOLLOW_UP_STATES } from './schemas/followUps';
import { WORK_ORDER_STATUSES } from './workOrderStatus';
import { SIGNATURE_KINDS } from './schemas/handover';
import { MESSAGE_EVENTS, OUTBOX_STATES } from './schemas/messageKinds';
import { APPOINTMENT_STATES, COLLISION_KINDS } from './schemas/appointments';

/** The closed set of error codes that cross the RPC boundary; every reason below implies one. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'ACCOUNT_LOCKED',
  'INVALID_TRANSITION',
  'INSUFFICIENT_STOCK',
  /** The database failed its start-up check: only the guided restore (recovery.*) answers. */
  'DATABASE_DAMAGED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * How a param travels and how the renderer shows it: `fen` is money in integer fen (shown in 元),
 * `moment` epoch ms (shown in local time), `day` an ISO day (`YYYY-MM-DD`), `count` a whole number,
 * `cause` the refusal that made this one happen (shown in its own words); a list is an enum.
 */
type ParamKind = 'text' | 'count' | 'fen' | 'moment' | 'day' | 'cause' | readonly string[];

interface ReasonSpec {
  code: ErrorCode;
  params: Readonly<Record<string, ParamKind>>;
}

/** What a manager is asked to approve (words: settlements.approval.what). */
export const APPROVAL_ACTIONS = ['discount', 'belowPrice', 'onAccount', 'refund', 'void', 'reopen'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/**
 * Every reason a call can be refused, with its code and its params. The renderer words each one from
 * `errors.<reason>` in both languages (src/renderer/src/i18n/errors.*.ts), never from the message.
 */
export const REASONS = {
  // ── calls and transports ──
  unknownMethod: { code: 'UNKNOWN_METHOD', params: { method: 'text' } },
  /** zod refused the input; each field issue names its path. */
  invalidInput: { code: 'VALIDATION', params: {} },
  badRequest: { code: 'VALIDATION', params: { problem: ['tooLarge', 'notUtf8', 'notJson'] } },
  untrustedSender: { code: 'FORBIDDEN', params: {} },
  transportFailed: { code: 'INTERNAL', params: {} },
  internal: { code: 'INTERNAL', params: {} },
  forbidden: { code: 'FORBIDDEN', params: {} },
  databaseDamaged: { code: 'DATABASE_DAMAGED', params: {} },
  restoreInProgress: { code: 'CONFLICT', params: {} },

  // ── sign-in, sessions, users ──
  signedOut: { code: 'UNAUTHENTICATED', params: {} },
  sessionLocked: { code: 'SESSION_LOCKED', params: {} },
  wrongCredentials: { code: 'UNAUTHENTICATED', params: {} },
  wrongPassword: { code: 'VALIDATION', params: {} },
  accountLocked: { code: 'ACCOUNT_LOCKED', params: {} },
  accountLockedUntil: { code: 'ACCOUNT_LOCKED', params: { lockedUntil: 'moment' } },
  setupDone: { code: 'CONFLICT', params: {} },
  userNotFound: { code: 'NOT_FOUND', params: {} },
  usernameTaken: { code: 'CONFLICT', params: {} },
  disableSelf: { code: 'CONFLICT', params: {} },
  lastAdmin: { code: 'CONFLICT', params: {} },

  // ── customers and devices ──
  customerNotFound: { code: 'NOT_FOUND', params: {} },
  /** details.matches names the customer it was merged into. */
  customerMerged: { code: 'NOT_FOUND', params: {} },
  customerArchived: { code: 'CONFLICT', params: {} },
  phoneRepeated: { code: 'VALIDATION', params: {} },
  /** details.matches names the customers who have the number. */
  phoneTaken: { code: 'CONFLICT', params: {} },
  unknownCustomerLevel: { code: 'VALIDATION', params: { level: 'text' } },
  customerHasOpenOrders: { code: 'CONFLICT', params: { count: 'count' } },
  customerMergeRefused: {
    code: 'CONFLICT',
    params: { problem: ['keepMerged', 'keepArchived', 'alreadyMerged'] },
  },
  deviceNotFound: { code: 'NOT_FOUND', params: {} },
  deviceHasOpenOrders: { code: 'CONFLICT', params: { count: 'count' } },
  deviceIdentity: { code: 'VALIDATION', params: {} },
  unknownDeviceCategory: { code: 'VALIDATION', params: { category: 'text' } },
  warrantyEndBeforePurchase: { code: 'VALIDATION', params: {} },
  warrantyNeedsPurchaseDate: { code: 'VALIDATION', params: {} },
  /** A usage reading below the device's last one, without a reason. */
  readingBackwards: { code: 'VALIDATION', params: { last: 'count' } },
  /** Vehicles (src/shared/plate.ts, src/shared/vin.ts). */
  plateInvalid: { code: 'VALIDATION', params: {} },
  vinLength: { code: 'VALIDATION', params: {} },
  vinForbiddenLetter: { code: 'VALIDATION', params: {} },
  vinCharacters: { code: 'VALIDATION', params: {} },
  vinCheckDigit: { code: 'VALIDATION', params: {} },
  /** A vehicle's work order needs the odometer at intake. */
  mileageRequired: { code: 'VALIDATION', params: {} },

  // ── maintenance plans and service contracts (保养 / 维保合同) ──
  maintenancePlanNotFound: { code: 'NOT_FOUND', params: {} },
  /** A plan by usage needs the reading at its last service (typed, or the device's latest). */
  planReadingRequired: { code: 'VALIDATION', params: {} },
  serviceContractNotFound: { code: 'NOT_FOUND', params: {} },
  /** A device named on a contract is not the contract's customer's. */
  contractDeviceNotOwned: { code: 'VALIDATION', params: {} },
  /** An order under a contract: the contract is not in force today (server's clock). */
  contractNotInForce: { code: 'CONFLICT', params: { contractNo: 'text', startsOn: 'day', endsOn: 'day' } },
  contractDeviceNotCovered: { code: 'VALIDATION', params: { contractNo: 'text' } },
  contractVisitsUsedUp: { code: 'CONFLICT', params: { contractNo: 'text', visits: 'count' } },

  // ── work orders ──
  workOrderNotFound: { code: 'NOT_FOUND', params: {} },
  orderClosedToEdits: {
    code: 'INVALID_TRANSITION',
    params: { orderNo: 'text', status: WORK_ORDER_STATUSES },
  },
  transitionNotAllowed: {
    code: 'INVALID_TRANSITION',
    params: { orderNo: 'text', from: WORK_ORDER_STATUSES, to: WORK_ORDER_STATUSES },
  },
  customerNotUsable: { code: 'VALIDATION', params: { problem: ['merged', 'archived'] } },
  deviceNotUsable: { code: 'VALIDATION', params: { problem: ['archived', 'otherCustomer'] } },
  reworkNotAllowed: { code: 'VALIDATION', params: { problem: ['otherDevice', 'notDelivered'] } },
  promisedBeforeIntake: { code: 'VALIDATION', params: {} },
  technicianDisabled: { code: 'VALIDATION', params: {} },
  notATechnician: { code: 'VALIDATION', params: { role: ROLES } },
  noteRequired: { code: 'VALIDATION', params: { to: WORK_ORDER_STATUSES } },
  customerApprovalRequired: { code: 'VALIDATION', params: {} },
  approvalNotTaken: { code: 'VALIDATION', params: { from: WORK_ORDER_STATUSES, to: WORK_ORDER_STATUSES } },
  waitsOnlyForParts: { code: 'VALIDATION', params: {} },
  waitNeedsSomething: { code: 'VALIDATION', params: {} },
  warrantyUnchanged: { code: 'VALIDATION', params: { status: WARRANTY_STATUSES } },
  orderClosedForCharges: { code: 'CONFLICT', params: { orderNo: 'text', status: WORK_ORDER_STATUSES } },
  orderClosedForParts: { code: 'CONFLICT', params: { orderNo: 'text', status: WORK_ORDER_STATUSES } },
  serviceItemUnavailable: {
    code: 'VALIDATION',
    params: { itemCode: 'text', problem: ['unknown', 'retired'] },
  },
  feeTakesNoLabor: { code: 'VALIDATION', params: {} },
  chargeLineNotFound: { code: 'NOT_FOUND', params: {} },
  partLineNotFound: { code: 'NOT_FOUND', params: {} },
  lineRemoved: { code: 'CONFLICT', params: { line: ['charge', 'part'] } },
  quoteExceeded: { code: 'CONFLICT', params: { billed: 'fen', excess: 'fen', approved: 'fen' } },
  noApprovedQuote: { code: 'VALIDATION', params: { orderNo: 'text' } },
  renewNotAbove: { code: 'VALIDATION', params: { approved: 'fen' } },
  settlementLocksOrder: {
    code: 'CONFLICT',
    params: { settlementNo: 'text', change: ['charges', 'parts', 'quote'] },
  },
  settlementBlocksCancel: { code: 'CONFLICT', params: { settlementNo: 'text' } },
  imageRefused: { code: 'VALIDATION', params: { problem: ['type', 'tooLarge', 'content'] } },
  attachmentNotFound: { code: 'NOT_FOUND', params: {} },
  attachmentFileMissing: { code: 'NOT_FOUND', params: {} },
  attachmentDamaged: { code: 'INTERNAL', params: {} },
  // ── signatures and the hand-over (交机) ──
  signatureRefused: {
    code: 'VALIDATION',
    params: { problem: ['type', 'tooLarge', 'content'], maxKb: 'count' },
  },
  signatureExists: { code: 'CONFLICT', params: { orderNo: 'text', kind: SIGNATURE_KINDS } },
  pickupSignatureRequired: { code: 'VALIDATION', params: { orderNo: 'text' } },
  handoverRequired: { code: 'VALIDATION', params: { orderNo: 'text' } },
  handoverOnlyAtDelivery: { code: 'VALIDATION', params: { to: WORK_ORDER_STATUSES } },
  handoverItemsMismatch: { code: 'VALIDATION', params: { orderNo: 'text' } },
  handoverNoteRequired: { code: 'VALIDATION', params: { item: 'text' } },
  idNoteRequired: { code: 'VALIDATION', params: { orderNo: 'text' } },
  /** A period whose end is not after its start (lists, reports, exports). */
  endBeforeStart: { code: 'VALIDATION', params: {} },

  // ── settlements, payments, day close ──
  settlementNotFound: { code: 'NOT_FOUND', params: {} },
  notApprover: { code: 'FORBIDDEN', params: { username: 'text' } },
  approverLocked: { code: 'FORBIDDEN', params: { username: 'text' } },
  approverWrongPassword: { code: 'FORBIDDEN', params: {} },
  needsApproval: { code: 'FORBIDDEN', params: { action: APPROVAL_ACTIONS } },
  alreadySettled: { code: 'CONFLICT', params: { orderNo: 'text', settlementNo: 'text' } },
  notSettleable: { code: 'CONFLICT', params: { orderNo: 'text', status: WORK_ORDER_STATUSES } },
  nothingToSettle: { code: 'CONFLICT', params: { orderNo: 'text' } },
  settlementTooLarge: { code: 'CONFLICT', params: { max: 'fen' } },
  settlementVoid: { code: 'CONFLICT', params: { settlementNo: 'text' } },
  settlementUnpaid: { code: 'CONFLICT', params: { settlementNo: 'text', balance: 'fen' } },
  orderOwes: { code: 'CONFLICT', params: { orderNo: 'text', total: 'fen' } },
  overBalance: { code: 'VALIDATION', params: { balance: 'fen' } },
  tenderedNotCash: { code: 'VALIDATION', params: {} },
  tenderedLow: { code: 'VALIDATION', params: { amount: 'fen' } },
  overRefund: { code: 'VALIDATION', params: { method: PAYMENT_METHODS, net: 'fen' } },
  notADate: { code: 'VALIDATION', params: { date: 'text' } },
  dayClosed: { code: 'CONFLICT', params: { date: 'day' } },
  dayFuture: { code: 'VALIDATION', params: { date: 'day' } },
  dayAlreadyClosed: { code: 'CONFLICT', params: { date: 'day' } },
  dayNotClosed: { code: 'CONFLICT', params: { date: 'day' } },
  // 订金
  depositOrderClosed: { code: 'CONFLICT', params: { orderNo: 'text', status: WORK_ORDER_STATUSES } },
  depositOrderSettled: { code: 'CONFLICT', params: { orderNo: 'text', settlementNo: 'text' } },
  overDepositRefund: { code: 'VALIDATION', params: { method: PAYMENT_METHODS, refundable: 'fen' } },
  depositStillHeld: { code: 'CONFLICT', params: { orderNo: 'text', amount: 'fen' } },

  // ── parts and stock ──
  partNotFound: { code: 'NOT_FOUND', params: {} },
  partArchived: { code: 'CONFLICT', params: { partCode: 'text' } },
  partCodeTaken: { code: 'CONFLICT', params: { code: 'text' } },
  supplierNotFound: { code: 'NOT_FOUND', params: {} },
  supplierArchived: { code: 'CONFLICT', params: {} },
  insufficientStock: { code: 'INSUFFICIENT_STOCK', params: { partCode: 'text', onHand: 'count' } },
  countedTwice: { code: 'VALIDATION', params: {} },
  costUnchanged: { code: 'VALIDATION', params: {} },
  stockDocumentNotFound: { code: 'NOT_FOUND', params: {} },
  orderDocumentNotReversible: { code: 'CONFLICT', params: { orderNo: 'text' } },
  costAdjustmentNotReversible: { code: 'CONFLICT', params: {} },
  reversalNotReversible: { code: 'CONFLICT', params: {} },
  alreadyReversed: { code: 'CONFLICT', params: {} },

  // ── prints, Excel ──
  printForbidden: { code: 'FORBIDDEN', params: { form: PRINT_FORMS } },
  printDocumentNotFound: { code: 'NOT_FOUND', params: { form: PRINT_FORMS } },
  workbookRefused: {
    code: 'VALIDATION',
    params: { problem: ['tooLarge', 'notXlsx', 'unreadable', 'noSheet'] },
  },
  tooManyMovements: { code: 'VALIDATION', params: { max: 'count' } },
  historyImportNotFound: { code: 'NOT_FOUND', params: {} },
  historyMappingNotFound: { code: 'NOT_FOUND', params: {} },
  /** Undone already, a day closed since, or records added to the imported ones since. */
  historyUndoRefused: { code: 'CONFLICT', params: { problem: ['undone', 'dayClosed', 'changed'] } },
  exportTooLarge: { code: 'VALIDATION', params: {} },
  /** 删除示例数据 in a shop that holds none (removed already, or never loaded). */
  noSampleData: { code: 'CONFLICT', params: {} },

  // ── backup, restore, reset, recovery, full export ──
  backupUnavailable: { code: 'INTERNAL', params: {} },
  backupBusy: { code: 'CONFLICT', params: {} },
  noBackupFolder: { code: 'VALIDATION', params: {} },
  backupDatabaseDamaged: { code: 'DATABASE_DAMAGED', params: {} },
  backupFolderMissing: { code: 'VALIDATION', params: { folder: 'text' } },
  backupFolderReadOnly: { code: 'VALIDATION', params: { folder: 'text' } },
  backupDiskFull: { code: 'VALIDATION', params: { folder: 'text' } },
  /** A file-system failure with no words of its own: the system's text. */
  backupFailed: { code: 'VALIDATION', params: { detail: 'text' } },
  /** Anything else that stopped a backup (not the file system). */
  backupCrashed: { code: 'INTERNAL', params: { detail: 'text' } },
  backupCopyFailedCheck: { code: 'INTERNAL', params: { problem: 'text' } },
  backupVerifyFailed: { code: 'INTERNAL', params: { mismatch: 'text' } },
  backupFileMissing: { code: 'VALIDATION', params: { file: 'text' } },
  backupTooNew: { code: 'CONFLICT', params: { schemaVersion: 'count', knownVersion: 'count' } },
  archiveUnreadable: { code: 'VALIDATION', params: { detail: 'text' } },
  archiveMembersMismatch: { code: 'VALIDATION', params: { members: 'text' } },
  archiveExtractedMismatch: { code: 'VALIDATION', params: { path: 'text' } },
  archiveIntegrityFailed: { code: 'VALIDATION', params: { problems: 'text' } },
  archiveSchemaMismatch: {
    code: 'VALIDATION',
    params: { manifestVersion: 'count', databaseVersion: 'count' },
  },
  archiveRowCountMismatch: {
    code: 'VALIDATION',
    params: { table: 'text', manifestRows: 'count', actualRows: 'count' },
  },
  archiveTableNotInManifest: { code: 'VALIDATION', params: { table: 'text', actualRows: 'count' } },
  archiveTableNotInDatabase: { code: 'VALIDATION', params: { table: 'text', manifestRows: 'count' } },
  archiveChecksumMismatch: { code: 'VALIDATION', params: { table: 'text' } },
  archiveDatabaseUnreadable: { code: 'VALIDATION', params: { detail: 'text' } },
  backupNotConfirmed: { code: 'CONFLICT', params: {} },
  resetNotConfirmed: { code: 'VALIDATION', params: {} },
  /** The safety backup before a restore or reset failed; `cause` says why. */
  safetyBackupFailed: { code: 'CONFLICT', params: { cause: 'cause' } },
  swapFailed: { code: 'CONFLICT', params: { detail: 'text' } },
  notDamaged: { code: 'CONFLICT', params: {} },
  exportFolderRefused: {
    code: 'VALIDATION',
    params: { folder: 'text', problem: ['notAbsolute', 'unwritable', 'full'] },
  },
  noDataFolder: { code: 'INTERNAL', params: {} },
  databaseNotAFile: { code: 'INTERNAL', params: {} },

  // ── the shop's LAN: host, terminals, pairing, two people on one record ──
  /** Backups, restore, reset and the host's own settings are done at the host PC only. */
  hostOnly: { code: 'FORBIDDEN', params: {} },
  /** This browser or PC has not been paired with the host (or its key is unknown). */
  terminalNotPaired: { code: 'UNAUTHENTICATED', params: {} },
  terminalRevoked: { code: 'UNAUTHENTICATED', params: {} },
  terminalNotFound: { code: 'NOT_FOUND', params: {} },
  pairingCodeWrong: { code: 'VALIDATION', params: { triesLeft: 'count' } },
  /** No code is open: it expired, was used, or took five wrong tries. */
  pairingCodeVoid: { code: 'CONFLICT', params: {} },
  lanListenFailed: { code: 'CONFLICT', params: { address: 'text', port: 'count', detail: 'text' } },
  /** The host restored a backup (or reset): everyone signs in again on the restored data. */
  signedOutByRestore: { code: 'UNAUTHENTICATED', params: {} },
  /** The desktop terminal cannot reach its host (off, unplugged, or another address). */
  hostUnreachable: { code: 'INTERNAL', params: { host: 'text' } },
  /** The host answered with another certificate than the one paired: refused, nothing sent. */
  hostFingerprintMismatch: { code: 'FORBIDDEN', params: { host: 'text' } },
  /** Someone saved the record after this edit began, at `terminal` (a terminal's name, or the host PC's name). */
  staleEdit: { code: 'CONFLICT', params: { by: 'text', at: 'moment', terminal: 'text' } },
  // ── outcomes and on hold (无法修复, 待客户) ──
  /** Giving up (无法修复) needs its reason code. */
  unrepairableReasonRequired: { code: 'VALIDATION', params: {} },
  /** A reason code or a recall date given on a move that takes none. */
  outcomeFieldsNotTaken: { code: 'VALIDATION', params: { to: WORK_ORDER_STATUSES } },
  /** Parking an order (待客户) needs the date to call the customer back. */
  recallAtRequired: { code: 'VALIDATION', params: {} },
  recallAtPast: { code: 'VALIDATION', params: {} },
  /** Giving up while part lines are still issued to the order: return them first (or bill them). */
  unrepairablePartsIssued: { code: 'CONFLICT', params: { orderNo: 'text', lines: 'count' } },

  // ── follow-up calls (回访) ──
  followUpNotFound: { code: 'NOT_FOUND', params: {} },
  /** The follow-up was already settled (by someone else, or the customer opted out). */
  followUpDone: { code: 'CONFLICT', params: { state: FOLLOW_UP_STATES } },
  /** A reached customer's call records the four scores; another result records none. */
  scoresRequired: { code: 'VALIDATION', params: {} },
  scoresNotTaken: { code: 'VALIDATION', params: {} },
  /** The customer asked not to be contacted. */
  customerNoContact: { code: 'CONFLICT', params: {} },

  // ── complaints (投诉) ──
  complaintNotFound: { code: 'NOT_FOUND', params: {} },
  complaintMoveNotAllowed: {
    code: 'INVALID_TRANSITION',
    params: { complaintNo: 'text', from: COMPLAINT_STATUSES, to: COMPLAINT_STATUSES },
  },
  /** Closed or withdrawn: nothing changes any more (notes neither). */
  complaintFinished: { code: 'CONFLICT', params: { complaintNo: 'text', status: COMPLAINT_STATUSES } },
  /** Answering (→ 待客户确认) needs what was done; closing needs the customer's confirmation. */
  resolutionRequired: { code: 'VALIDATION', params: {} },
  confirmationRequired: { code: 'VALIDATION', params: {} },
  /** The linked order, refund or rework is not the complaint's customer's (or order's). */
  complaintLinkRefused: {
    code: 'VALIDATION',
    params: { problem: ['orderOtherCustomer', 'refundNotOfOrder', 'reworkNotOfOrder', 'needsOrder'] },
  },

  // ── appointments (预约) ──
  appointmentNotFound: { code: 'NOT_FOUND', params: {} },
  /** Over a capacity or outside opening hours: booked only with the clerk's confirmation. `with` lists what it meets. */
  appointmentCollides: { code: 'CONFLICT', params: { kind: COLLISION_KINDS, with: 'text' } },
  appointmentInPast: { code: 'VALIDATION', params: {} },
  /** Arrived, no-show and cancel move only a booked appointment. */
  appointmentNotBooked: { code: 'INVALID_TRANSITION', params: { state: APPOINTMENT_STATES } },
  /** 爽约 only once the slot has started on the server's clock. */
  noShowBeforeStart: { code: 'INVALID_TRANSITION', params: { startAt: 'moment' } },
  unknownBay: { code: 'VALIDATION', params: { bay: 'text' } },
  /** The order made at arrival is for another customer or device than the appointment's. */
  appointmentOtherParty: { code: 'VALIDATION', params: { problem: ['customer', 'device'] } },

  // ── message channels (消息通道: SMS account, mailbox) ──
  /** A channel turned on needs this field (its secret included). */
  channelSettingRequired: { code: 'VALIDATION', params: {} },
  /** A mailbox password needs the account it belongs to. */
  smtpPasswordWithoutAccount: { code: 'VALIDATION', params: {} },
  /** The SMS endpoint: a host name or https:// address; plain http:// only to this PC (a test double). */
  smsEndpointRefused: { code: 'VALIDATION', params: { problem: ['notAddress', 'plainHttp'] } },
  unknownMessageEvent: { code: 'VALIDATION', params: { event: 'text' } },
  notAMobileNumber: { code: 'VALIDATION', params: {} },
  notAnEmailAddress: { code: 'VALIDATION', params: {} },
  /** The channel is off or incomplete: nothing can be sent through it. */
  channelNotSetUp: { code: 'CONFLICT', params: { channel: ['sms', 'email'] } },
  /** Its secret was stored on another PC (a restored backup): it must be typed again here. */
  channelSecretUnreadable: { code: 'CONFLICT', params: { channel: ['sms', 'email'] } },
  /** No template code for this event in the SMS settings. */
  smsTemplateMissing: { code: 'VALIDATION', params: { event: 'text' } },
  /** The key that encrypts the secrets could not be made or read (the data folder). */
  secretsUnavailable: { code: 'INTERNAL', params: { detail: 'text' } },
  // ── messages to customers (消息模板, 发件箱) ──
  /** A template names a variable that does not exist (`{客户名}` for `{客户}`). */
  unknownTemplateVariable: { code: 'VALIDATION', params: { variable: 'text', event: MESSAGE_EVENTS } },
  outboxMessageNotFound: { code: 'NOT_FOUND', params: {} },
  /** The message is no longer in a state that allows this (sent already, cancelled, being sent). */
  outboxMessageState: {
    code: 'CONFLICT',
    params: { state: OUTBOX_STATES, action: ['retry', 'cancel', 'send', 'copied', 'skip'] },
  },
  // ── on-site jobs (上门服务) ──
  /** On-site details belong to an order whose channel is 上门 only. */
  onsiteWrongChannel: { code: 'VALIDATION', params: { orderNo: 'text' } },
  /** The window ends at or before it starts. */
  onsiteWindowInvalid: { code: 'VALIDATION', params: {} },
  /** The order has no on-site details yet (address and window): set them first. */
  onsiteNotScheduled: { code: 'CONFLICT', params: { orderNo: 'text' } },
  /** Only a visiting technician (or a manager) records arrival and finish. */
  onsiteNotVisitor: { code: 'FORBIDDEN', params: {} },
  /** Arrival and finish are recorded once each, arrival first. */
  onsiteVisitOrder: {
    code: 'CONFLICT',
    params: { problem: ['arrivedAlready', 'notArrived', 'finishedAlready'] },
  },
} as const satisfies Record<string, ReasonSpec>;

export type Reason = keyof typeof REASONS;
export const REASON_NAMES = Object.keys(REASONS) as [Reason, ...Reason[]];
export const reasonSchema = z.enum(REASON_NAMES);

interface KindTypes {
  text: string;
  count: number;
  fen: number;
  moment: number;
  day: string;
  cause: Refusal;
}

type ParamType<K> = K extends readonly (infer V)[] ? V : K extends keyof KindTypes ? KindTypes[K] : never;
type SpecParams<R extends Reason> = (typeof REASONS)[R]['params'];

/** Each reason's params, as the thrower must give them (checked at compile time). */
export type ReasonParams = {
  [R in Reason]: keyof SpecParams<R> extends never
    ? Record<string, never>
    : { -readonly [P in keyof SpecParams<R>]: ParamType<SpecParams<R>[P]> };
};

/** A reason with its params: what a refusal means, for any language. */
export type Refusal = { [R in Reason]: { reason: R; params: ReasonParams[R] } }[Reason];
export type RefusalOf<R extends Reason> = Extract<Refusal, { reason: R }>;

export function isReason<R extends Reason>(refusal: Refusal, reason: R): refusal is RefusalOf<R> {
  return refusal.reason === reason;
}

/** How the renderer shows one param of a reason. */
export function paramKind(reason: Reason, param: string): ParamKind | undefined {
  const params: Readonly<Record<string, ParamKind>> = REASONS[reason].params;
  return Object.hasOwn(params, param) ? params[param] : undefined;
}

const KIND_SCHEMAS: Record<Exclude<ParamKind, readonly string[]>, z.ZodType> = {
  text: z.string(),
  count: z.int(),
  fen: z.int(),
  moment: z.int(),
  day: z.iso.date(),
  cause: z.lazy(() => refusalSchema),
};

function paramSchema(kind: ParamKind): z.ZodType {
  return typeof kind === 'string' ? KIND_SCHEMAS[kind] : z.enum(kind);
}

const PARAM_SCHEMAS = new Map<string, z.ZodType>(
  REASON_NAMES.map((reason) => {
    const params: Readonly<Record<string, ParamKind>> = REASONS[reason].params;
    const shape = Object.fromEntries(Object.entries(params).map(([name, kind]) => [name, paramSchema(kind)]));
    return [reason, z.strictObject(shape)];
  }),
);

/** A refusal whose params match its reason exactly (stored backup runs, tests at the boundary). */
export const refusalSchema = z.custom<Refusal>((value) => {
  const head = z.object({ reason: reasonSchema, params: z.unknown() }).safeParse(value);
  return head.success && PARAM_SCHEMAS.get(head.data.reason)?.safeParse(head.data.params).success === true;
});

/** One problem with one field; `path` is the zod path joined with dots ("admin.password"). */
export type FieldIssue = Refusal & {
  path: string;
  /** For developers and logs only: never shown, never parsed. */
  message: string;
};

/** The records a refusal is about, e.g. customers who already have this phone number. */
export interface Match {
  id: string;
  label: string;
}

export interface ErrorDetails {
  fields?: FieldIssue[];
  matches?: Match[];
}

/**
 * An error on the wire: the reason and its params carry the meaning; `code` is the reason's code;
 * `message` is short English for developers and logs, never shown and never parsed.
 */
export type RpcError = Refusal & {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
};

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: RpcError };

export function codeOf(reason: Reason): ErrorCode {
  return REASONS[reason].code;
}

export function refusalOf<R extends Reason>(reason: R, params: ReasonParams[R]): RefusalOf<R> {
  // The generic pair is one member of the Refusal union; TypeScript cannot correlate them itself.
  return { reason, params } as RefusalOf<R>;
}

/** An error envelope's error for a reason (transports and dispatch use it; services throw AppError). */
export function rpcError<R extends Reason>(reason: R, params: ReasonParams[R], message: string): RpcError {
  return { code: codeOf(reason), ...refusalOf(reason, params), message };
}

/** A field a service names: where the refusal applies, with an optional developer note. */
export interface FieldInput {
  path: string;
  message?: string;
}

/**
 * Thrown by services for expected failures; dispatch turns it into an error envelope. The reason
 * decides the code; the params are checked against the reason at compile time. Each field named
 * carries the same reason and params.
 */
export class AppError<out R extends Reason = Reason> extends Error {
  readonly code: ErrorCode;
  readonly refusal: Refusal;
  readonly fields: FieldIssue[];
  readonly matches?: Match[];

  constructor(
    readonly reason: R,
    readonly params: ReasonParams[R],
    message: string,
    details: { fields?: FieldInput[]; matches?: Match[] } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = codeOf(reason);
    this.refusal = refusalOf(reason, params);
    this.fields = (details.fields ?? []).map((f) => ({
      ...this.refusal,
      path: f.path,
      message: f.message ?? message,
    }));
    this.matches = details.matches;
  }

  toRpcError(): RpcError {
    const details: ErrorDetails = {};
    if (this.fields.length > 0) details.fields = this.fields;
    if (this.matches) details.matches = this.matches;
    const error = rpcError(this.reason, this.params, this.message);
    return Object.keys(details).length > 0 ? { ...error, details } : error;
  }
}

/** A refusal about one field: the form marks `path` with the reason's words. */
export function fieldError<R extends Reason>(
  path: string,
  reason: R,
  params: ReasonParams[R],
  message: string,
): AppError<R> {
  return new AppError(reason, params, message, { fields: [{ path }] });
}
