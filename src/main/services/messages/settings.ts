import { fieldError } from '@shared/errors';
import { unknownVariables } from '@shared/messageTemplates';
import { MESSAGE_EVENTS } from '@shared/schemas/messageKinds';
import { messageSettings, type MessageSettings } from '@shared/schemas/messages';
import { settings } from '../../db/schema';
import { changedFields, writeAudit } from '../audit';
import type { CallContext, Queryable } from '../context';
import { readKey } from '../settings';

/** Kept under its own key of the settings table, beside shop, counter, billing and afterSales. */
const KEY = 'messages';
const DEFAULTS: MessageSettings = messageSettings.parse({});

export function readMessageSettings(q: Queryable): MessageSettings {
  const value = readKey(q, KEY);
  return value === undefined ? DEFAULTS : messageSettings.parse(value);
}

/** A template naming a variable that does not exist is refused, naming it and where it is. */
function checkVariables(input: MessageSettings): void {
  for (const event of MESSAGE_EVENTS) {
    const [variable] = unknownVariables(input.templates[event].text);
    if (variable !== undefined) {
      throw fieldError(
        `templates.${event}.text`,
        'unknownTemplateVariable',
        { variable: `{${variable}}`, event },
        `the ${event} template uses {${variable}}, which is not a variable`,
      );
    }
  }
}

export function updateMessageSettings(ctx: CallContext, input: MessageSettings): MessageSettings {
  checkVariables(input);
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const current = readMessageSettings(tx);
    const diff = changedFields(current, input);
    if (!diff) return current;
    const at = now();
    const json = JSON.stringify(input);
    tx.insert(settings)
      .values({ key: KEY, value: json, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: at } })
      .run();
    writeAudit(tx, {
      at,
      actor: ctx.user && { id: ctx.user.id, username: ctx.user.username },
      action: 'update',
      entity: 'settings',
      entityId: KEY,
      before: diff.before,
      after: diff.after,
    });
    return readMessageSettings(tx);
  });
}
