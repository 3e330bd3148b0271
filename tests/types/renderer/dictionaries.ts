/**
 * Both UI dictionaries are whole, and the compiler checks it (see tests/types/README.md): en-US is
 * typed as zh-CN's `Messages`, the error words satisfy `Record<Reason, string>` and the code words
 * come from one typed table, so no unit test compares their keys at run time.
 */
import type { Reason } from '@shared/errors';
import type { Role } from '@shared/roles';
import type { AUDIT_ENTITIES, AuditAction } from '@shared/schemas/audit';
import { enUS } from '../../../src/renderer/src/i18n/en-US';
import { zhCN, type Messages } from '../../../src/renderer/src/i18n/zh-CN';

interface Whole {
  errors: Readonly<Record<Reason, string>>;
  roles: Readonly<Record<Role, string>>;
  auditActions: Readonly<Record<AuditAction, string>>;
  entities: Readonly<Record<(typeof AUDIT_ENTITIES)[number], string>>;
}

/** Every reason, role, audit action and audit entity has its words in both languages. */
export const _whole: readonly Whole[] = [zhCN, enUS];

const { app: _app, ...withoutApp } = enUS;

// @ts-expect-error a language without one of zh-CN's keys
export const _missing: Messages = withoutApp;

export const _extra: Messages = {
  ...enUS,
  app: {
    ...enUS.app,
    // @ts-expect-error a key zh-CN does not have
    notInChinese: 'Not in Chinese',
  },
};

export const _notText: Messages = {
  ...enUS,
  // @ts-expect-error a message is text
  app: { ...enUS.app, name: 1 },
};
