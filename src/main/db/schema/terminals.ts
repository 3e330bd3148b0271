import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * LAN terminals paired with this host. The key itself is never stored: only its SHA-256 (the key is
 * 32 random bytes, so a slow password hash would add nothing but latency to every call).
 */
export const terminals = sqliteTable(
  'terminals',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    pairedAt: integer('paired_at').notNull(),
    /** The address and time of its last call, and who was signed in there. */
    address: text('address'),
    lastSeenAt: integer('last_seen_at'),
    lastUser: text('last_user'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('terminals_key_hash').on(t.keyHash)],
);
