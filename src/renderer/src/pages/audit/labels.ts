import type { TFunction } from 'i18next';
import { zhCN } from '../../i18n/zh-CN';

type Entity = keyof typeof zhCN.entities;

function isKnownEntity(entity: string): entity is Entity {
  return Object.hasOwn(zhCN.entities, entity);
}

/** An audit entity's name for people; an entity added later without a translation shows as is. */
export function entityLabel(entity: string, t: TFunction): string {
  return isKnownEntity(entity) ? t(`entities.${entity}`) : entity;
}

/** Long ids shortened to their last 8 characters (a UUIDv7 starts with the time, so its head repeats). */
export function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}
