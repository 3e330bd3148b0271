/**
 * The full export is tied to the schema at compile time (see tests/types/README.md): a stored field
 * with no column and no reason, a reason or column for a field the table lacks, or a column the
 * sheet lacks, does not compile.
 */
import { COMPLAINT_COLUMNS, USER_COLUMNS } from '../../src/main/services/backup/fullExportColumns';
import { LEFT_OUT, SOURCES, sheetSource } from '../../src/main/services/backup/fullExportSources';

// The users sheet as the export declares it compiles.
const _users = sheetSource('users', USER_COLUMNS, {
  id: LEFT_OUT.id,
  passwordHash: LEFT_OUT.secret,
  failedAttempts: LEFT_OUT.signIn,
  lockedUntil: LEFT_OUT.signIn,
  updatedAt: LEFT_OUT.inLog,
});
const _sameAsExport: typeof SOURCES.users = _users;

// A field forgotten: the password hash neither shown nor left out on purpose.
// @ts-expect-error passwordHash is missing
const _forgotten = sheetSource('users', USER_COLUMNS, {
  id: LEFT_OUT.id,
  failedAttempts: LEFT_OUT.signIn,
  lockedUntil: LEFT_OUT.signIn,
  updatedAt: LEFT_OUT.inLog,
});

// A new column in the table is the same case: the sheet has no column of its key. Here the sheet
// lost its role and last sign-in columns, so those two stored fields have no place.
const [username, displayName, , disabled, , createdAt] = USER_COLUMNS;
const _newField = sheetSource(
  'users',
  [username, displayName, disabled, createdAt] as const,
  // @ts-expect-error role and lastSignInAt are missing
  {
    id: LEFT_OUT.id,
    passwordHash: LEFT_OUT.secret,
    failedAttempts: LEFT_OUT.signIn,
    lockedUntil: LEFT_OUT.signIn,
    updatedAt: LEFT_OUT.inLog,
  },
);

const _unknownField = sheetSource('users', USER_COLUMNS, {
  id: LEFT_OUT.id,
  passwordHash: LEFT_OUT.secret,
  failedAttempts: LEFT_OUT.signIn,
  lockedUntil: LEFT_OUT.signIn,
  updatedAt: LEFT_OUT.inLog,
  // @ts-expect-error the users table has no field "password"
  password: LEFT_OUT.secret,
});

const _unknownColumn = sheetSource('users', USER_COLUMNS, {
  id: LEFT_OUT.id,
  // @ts-expect-error the users sheet has no column "hash"
  passwordHash: 'hash',
  failedAttempts: LEFT_OUT.signIn,
  lockedUntil: LEFT_OUT.signIn,
  updatedAt: LEFT_OUT.inLog,
});

const _unknownReason = sheetSource('users', USER_COLUMNS, {
  id: LEFT_OUT.id,
  // @ts-expect-error a reason comes from LEFT_OUT
  passwordHash: { leftOut: 'private' },
  failedAttempts: LEFT_OUT.signIn,
  lockedUntil: LEFT_OUT.signIn,
  updatedAt: LEFT_OUT.inLog,
});

// A complaint whose refund link has no place: the money a complaint gave back would go missing.
// @ts-expect-error refundPaymentId is missing
const _complaintRefund = sheetSource('complaints', COMPLAINT_COLUMNS, {
  id: LEFT_OUT.id,
  customerId: 'customerCode',
  workOrderId: 'orderNo',
  staffUserId: 'staff',
  followUpId: 'followUpOf',
  ownerId: 'owner',
  reworkOrderId: 'reworkOrderNo',
  compensationAmount: 'compensation',
  updatedAt: LEFT_OUT.inLog,
  version: LEFT_OUT.inLog,
});
