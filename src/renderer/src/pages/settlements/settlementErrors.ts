import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { FieldIssue } from '@shared/errors';
import { ApiError } from '../../api/client';
import { counterError } from '../../components/counterErrors';
import { issueMessage } from '../../i18n/errorMessage';
import type { settlementsZhCN } from '../../i18n/settlements.zh-CN';

type ErrorKey = keyof typeof settlementsZhCN.errors;

/**
 * Refusals of the billing services that deserve their own words, found by the server's message
 * (or a field issue's), with the figures it names carried into the sentence.
 */
const KNOWN: { pattern: RegExp; key: ErrorKey; vars?: (m: RegExpExecArray) => Record<string, string> }[] = [
  { pattern: /^wrong password$/, key: 'wrongPassword' },
  { pattern: /is not an active user who may approve/, key: 'notApprover' },
  { pattern: /is locked after wrong passwords/, key: 'approverLocked' },
  { pattern: /needs a manager's approval/, key: 'needsApproval' },
  { pattern: /already has settlement (\S+);/, key: 'alreadySettled', vars: (m) => ({ no: m[1] ?? '' }) },
  { pattern: /it is settled in repair, QC, ready or declined/, key: 'notSettleable' },
  { pattern: /has no labor, fee or part lines to settle/, key: 'nothingToSettle' },
  { pattern: /more than a settlement can carry/, key: 'tooLarge' },
  { pattern: /^settlement (\S+) is void$/, key: 'isVoid', vars: (m) => ({ no: m[1] ?? '' }) },
  {
    pattern: /^(\d{4}-\d{2}-\d{2}) is closed/,
    key: 'dayClosed',
    vars: (m) => ({ date: m[1] ?? '' }),
  },
  { pattern: /has not begun; it cannot be closed/, key: 'dayFuture' },
  { pattern: /is already closed$/, key: 'dayAlreadyClosed' },
  { pattern: /is not closed$/, key: 'dayNotClosed' },
  {
    pattern: /^settlement (\S+) still has (-?[\d.]+) to pay/,
    key: 'unpaid',
    vars: (m) => ({ no: m[1] ?? '', amount: m[2] ?? '' }),
  },
  {
    pattern: /^work order (\S+) owes (-?[\d.]+);/,
    key: 'owes',
    vars: (m) => ({ orderNo: m[1] ?? '', amount: m[2] ?? '' }),
  },
  {
    pattern: /^settlement (\S+) stands on this order; void it before cancelling/,
    key: 'lockedCancel',
    vars: (m) => ({ no: m[1] ?? '' }),
  },
  {
    pattern: /^settlement (\S+) stands on this order/,
    key: 'locked',
    vars: (m) => ({ no: m[1] ?? '' }),
  },
  { pattern: /its charges can no longer change/, key: 'orderClosed' },
  {
    pattern: /more than the balance due of (-?[\d.]+)/,
    key: 'overBalance',
    vars: (m) => ({ amount: m[1] ?? '' }),
  },
  { pattern: /^less than the amount of/, key: 'tenderedLow' },
  { pattern: /only cash is handed over with change/, key: 'tenderedNotCash' },
  {
    pattern: /more than was taken by \S+ on this settlement, (-?[\d.]+)/,
    key: 'overRefund',
    vars: (m) => ({ amount: m[1] ?? '' }),
  },
  { pattern: /^no service item|is no longer in use$/, key: 'noItem' },
  {
    pattern: /^the lines come to (-?[\d.]+), (-?[\d.]+) above the approved quote of (-?[\d.]+);/,
    key: 'quoteExceeded',
    vars: (m) => ({ billed: m[1] ?? '', excess: m[2] ?? '', approved: m[3] ?? '' }),
  },
];

function known(text: string, t: TFunction): string | null {
  for (const k of KNOWN) {
    const match = k.pattern.exec(text);
    // The key is one of a union, so the figures go in with a default (the key) to satisfy the types.
    if (match) return t(`settlements.errors.${k.key}`, { ...k.vars?.(match), defaultValue: k.key });
  }
  return null;
}

/** One clear message for a failed billing call (charges, settlements, payments, day close). */
export function settlementError(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    const texts = [err.message, ...(err.details?.fields ?? []).map((f) => f.message)];
    for (const text of texts) {
      const said = known(text, t);
      if (said) return said;
    }
  }
  return counterError(err, t);
}

/** The words for one field issue of a billing call. */
export function settlementIssue(issue: FieldIssue, t: TFunction): string {
  return known(issue.message, t) ?? issueMessage(issue, t);
}

/** Mark the form fields a billing refusal names ("amount", "tendered" …), in these screens' words. */
export function showSettlementFieldErrors(form: FormInstance, err: unknown, t: TFunction): void {
  if (!(err instanceof ApiError)) return;
  const values = form.getFieldsValue(true) as Record<string, unknown>;
  const fields = (err.details?.fields ?? [])
    .filter((issue) => Object.hasOwn(values, issue.path))
    .map((issue) => ({ name: issue.path, errors: [settlementIssue(issue, t)] }));
  if (fields.length > 0) form.setFields(fields);
}

/** The server asks for a manager: FORBIDDEN on `approval` itself (not on its user name or password). */
export function needsApproval(err: unknown): boolean {
  return (
    err instanceof ApiError &&
    err.code === 'FORBIDDEN' &&
    (err.details?.fields ?? []).some((f) => f.path === 'approval')
  );
}

/** The approval given was refused: which field of the approval modal to mark, and why. */
export function approvalIssue(err: unknown): FieldIssue | null {
  if (!(err instanceof ApiError) || err.code !== 'FORBIDDEN') return null;
  return (err.details?.fields ?? []).find((f) => f.path.startsWith('approval.')) ?? null;
}
