ALTER TABLE `customers` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `devices` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `work_orders` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `parts` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `version` integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
-- Hand-added before release: the triggers that bump `version` on every change to a row people edit in
-- forms, whatever made it (the edit form, a move, an assignment, a part line touching the order, a merge,
-- an archive), so an edit started before it is refused as stale. Column lists name the row's real
-- columns but `version`, so the trigger's own UPDATE does not fire it again; `WHEN NEW.version =
-- OLD.version` leaves a write that sets the version itself alone. parts leaves out on_hand and
-- cost_price: stock postings keep those (the part form never writes them), and a busy bench issuing
-- parts must not make every open part edit stale.
CREATE TRIGGER `customers_version` AFTER UPDATE OF code, name, initials, type, level, email, address, company, tags, notes, merged_into_id, archived_at, created_at, updated_at ON `customers`
WHEN NEW.`version` = OLD.`version`
BEGIN
  UPDATE `customers` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `devices_version` AFTER UPDATE OF customer_id, category, brand, model, serial_no, purchase_date, warranty_end, invoice_no, notes, archived_at, created_at, updated_at ON `devices`
WHEN NEW.`version` = OLD.`version`
BEGIN
  UPDATE `devices` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `work_orders_version` AFTER UPDATE OF order_no, customer_id, device_id, status, channel, service_type, priority, reported_fault, accessories, accessories_note, condition, device_password, warranty_status, warranty_computed, warranty_override_reason, rework_of_id, promised_at, technician_id, diagnosis, estimate, intake_estimate, approved_amount, approval_by, approval_method, approval_at, approval_recorded_by, resolution, cancel_reason, ready_at, delivered_at, created_by, created_at, updated_at ON `work_orders`
WHEN NEW.`version` = OLD.`version`
BEGIN
  UPDATE `work_orders` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `parts_version` AFTER UPDATE OF code, name, spec, compatible_models, category, unit, barcode, sale_price, min_stock, location, default_supplier_id, archived_at, created_at, updated_at ON `parts`
WHEN NEW.`version` = OLD.`version`
BEGIN
  UPDATE `parts` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `suppliers_version` AFTER UPDATE OF name, contact, phone, notes, archived_at, created_at, updated_at ON `suppliers`
WHEN NEW.`version` = OLD.`version`
BEGIN
  UPDATE `suppliers` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;
