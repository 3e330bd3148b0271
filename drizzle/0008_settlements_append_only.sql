-- Money records are append-only: a refund or a void is a new negative payment, never an edit.
CREATE TRIGGER `payments_no_update` BEFORE UPDATE ON `payments`
BEGIN
  SELECT RAISE(ABORT, 'payments are append-only; record a refund or void the settlement');
END;
--> statement-breakpoint
CREATE TRIGGER `payments_no_delete` BEFORE DELETE ON `payments`
BEGIN
  SELECT RAISE(ABORT, 'payments are append-only; record a refund or void the settlement');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_lines_no_update` BEFORE UPDATE ON `settlement_lines`
BEGIN
  SELECT RAISE(ABORT, 'settlement lines are fixed once made; void the settlement');
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_lines_no_delete` BEFORE DELETE ON `settlement_lines`
BEGIN
  SELECT RAISE(ABORT, 'settlement lines are fixed once made; void the settlement');
END;
--> statement-breakpoint
CREATE TRIGGER `settlements_no_delete` BEFORE DELETE ON `settlements`
BEGIN
  SELECT RAISE(ABORT, 'settlements are never deleted; void it');
END;
--> statement-breakpoint
-- Only the void columns may change, once, on an active settlement.
CREATE TRIGGER `settlements_void_only` BEFORE UPDATE ON `settlements`
WHEN OLD.status <> 'active' OR NEW.status <> 'void'
  OR NEW.total <> OLD.total OR NEW.subtotal <> OLD.subtotal OR NEW.discount_amount <> OLD.discount_amount
  OR NEW.rounding <> OLD.rounding OR NEW.settlement_no <> OLD.settlement_no OR NEW.work_order_id <> OLD.work_order_id
BEGIN
  SELECT RAISE(ABORT, 'a settlement only changes by being voided');
END;
--> statement-breakpoint
CREATE TRIGGER `day_close_events_no_update` BEFORE UPDATE ON `day_close_events`
BEGIN
  SELECT RAISE(ABORT, 'day close history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `day_close_events_no_delete` BEFORE DELETE ON `day_close_events`
BEGIN
  SELECT RAISE(ABORT, 'day close history is append-only');
END;
