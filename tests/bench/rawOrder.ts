import { v7 as uuidv7 } from 'uuid';
import type { Sqlite } from '../../src/main/db/open';

/**
 * How a raw twin ends a counter write, as the call does (issue 18): the order's audit row, holding
 * the order as written, then the order read back as the call returns it: its list row (customer,
 * device, technician, first phone), its timeline and its part lines. Run inside the twin's
 * transaction.
 */
export function rawOrderEnd(sqlite: Sqlite) {
  const audit = sqlite.prepare(
    `INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, after)
     VALUES (?, ?, ?, 'admin', ?, 'workOrder', ?, ?)`,
  );
  const row = sqlite.prepare(
    `SELECT o.*, c.name AS customer_name, d.category, d.brand, d.model, d.serial_no, u.display_name,
       (SELECT phone FROM customer_phones p WHERE p.customer_id = o.customer_id ORDER BY position LIMIT 1) AS phone
     FROM work_orders o JOIN customers c ON c.id = o.customer_id JOIN devices d ON d.id = o.device_id
     LEFT JOIN users u ON u.id = o.technician_id WHERE o.id = ?`,
  );
  const timeline = sqlite.prepare('SELECT * FROM work_order_events WHERE work_order_id = ? ORDER BY at, id');
  const partLines = sqlite.prepare(
    `SELECT l.*, p.code, p.name FROM work_order_parts l JOIN parts p ON p.id = l.part_id
     WHERE l.work_order_id = ? AND l.removed_at IS NULL ORDER BY l.added_at, l.id`,
  );
  return (orderId: string, actorId: string, action: 'create' | 'update', at: number) => {
    audit.run(uuidv7(), at, actorId, action, orderId, JSON.stringify(row.get(orderId)));
    return { row: row.get(orderId), timeline: timeline.all(orderId), parts: partLines.all(orderId) };
  };
}
