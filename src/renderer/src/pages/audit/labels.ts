import type { TFunction } from 'i18next';
import { AUDIT_ENTITIES, type AuditEntity } from '@shared/schemas/audit';

function isKnownEntity(entity: string): entity is AuditEntity {
  return (AUDIT_ENTITIES as readonly string[]).includes(entity);
}

/** An audit entity's name for people; an entity added later without a translation shows as is. */
export function entityLabel(entity: string, t: TFunction): string {
  return isKnownEntity(entity) ? t(`entities.${entity}`) : entity;
}

/** Long ids shortened to their last 8 characters (a UUIDv7 starts with the time, so its head repeats). */
export function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}
