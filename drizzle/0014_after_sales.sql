CREATE TABLE `follow_up_calls` (
	`id` text PRIMARY KEY NOT NULL,
	`follow_up_id` text NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	`username` text,
	`result` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_up_calls_follow_up` ON `follow_up_calls` (`follow_up_id`,`at`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`due_at` integer NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`attitude` integer,
	`quality` integer,
	`timeliness` integer,
	`price` integer,
	`comment` text DEFAULT '' NOT NULL,
	`problem_unsolved` integer DEFAULT false NOT NULL,
	`complaint_id` text,
	`rework_order_id` text,
	`done_at` integer,
	`done_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_order` ON `follow_ups` (`work_order_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_state_due` ON `follow_ups` (`state`,`due_at`);--> statement-breakpoint
CREATE INDEX `follow_ups_due` ON `follow_ups` (`due_at`,`state`,`done_at`);--> statement-breakpoint
CREATE INDEX `follow_ups_done` ON `follow_ups` (`done_at`,`state`);--> statement-breakpoint
CREATE INDEX `follow_ups_customer` ON `follow_ups` (`customer_id`,`state`);--> statement-breakpoint
CREATE TABLE `complaint_events` (
	`id` text PRIMARY KEY NOT NULL,
	`complaint_id` text NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	`username` text,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text DEFAULT '' NOT NULL,
	`data` text,
	`terminal_name` text,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_events_complaint` ON `complaint_events` (`complaint_id`,`at`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` text PRIMARY KEY NOT NULL,
	`complaint_no` text NOT NULL,
	`customer_id` text NOT NULL,
	`work_order_id` text,
	`staff_user_id` text,
	`follow_up_id` text,
	`channel` text NOT NULL,
	`category` text NOT NULL,
	`severity` text NOT NULL,
	`description` text NOT NULL,
	`owner_id` text,
	`status` text NOT NULL,
	`first_response_due` integer NOT NULL,
	`resolution_due` integer NOT NULL,
	`first_responded_at` integer,
	`resolved_at` integer,
	`closed_at` integer,
	`resolution_kind` text,
	`resolution_note` text DEFAULT '' NOT NULL,
	`refund_payment_id` text,
	`rework_order_id` text,
	`compensation_amount` integer,
	`confirmed_by` text,
	`confirmation_note` text,
	`confirmed_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_no_unique` ON `complaints` (`complaint_no`);--> statement-breakpoint
CREATE INDEX `complaints_created` ON `complaints` (`created_at`,`status`,`severity`);--> statement-breakpoint
CREATE INDEX `complaints_status` ON `complaints` (`status`,`resolution_due`);--> statement-breakpoint
CREATE INDEX `complaints_customer` ON `complaints` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `complaints_order` ON `complaints` (`work_order_id`);--> statement-breakpoint
CREATE INDEX `complaints_owner` ON `complaints` (`owner_id`,`status`);--> statement-breakpoint
ALTER TABLE `customers` ADD `no_contact` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `work_orders` ADD `outcome` text;--> statement-breakpoint
ALTER TABLE `work_orders` ADD `unrepairable_reason` text;--> statement-breakpoint
ALTER TABLE `work_orders` ADD `diagnosed_at` integer;--> statement-breakpoint
ALTER TABLE `work_orders` ADD `held_from` text;--> statement-breakpoint
ALTER TABLE `work_orders` ADD `hold_reason` text;--> statement-breakpoint
ALTER TABLE `work_orders` ADD `held_at` integer;--> statement-breakpoint
ALTER TABLE `work_orders` ADD `recall_at` integer;--> statement-breakpoint
CREATE INDEX `work_orders_outcome_report` ON `work_orders` (`created_at`,`outcome`,`service_type`,`technician_id`,`device_id`,`diagnosed_at`,`ready_at`,`promised_at`,`rework_of_id`,`warranty_computed`);--> statement-breakpoint
CREATE INDEX `work_orders_repaired_ready` ON `work_orders` (`outcome`,`ready_at`,`created_at`,`promised_at`,`service_type`,`technician_id`);--> statement-breakpoint
CREATE INDEX `work_orders_repaired_delivered` ON `work_orders` (`outcome`,`delivered_at`);--> statement-breakpoint
CREATE INDEX `work_orders_recall` ON `work_orders` (`status`,`recall_at`);--> statement-breakpoint
-- Hand-added before release. The version triggers of 0013 name their columns: remade with the new ones.
DROP TRIGGER `work_orders_version`;
--> statement-breakpoint
CREATE TRIGGER `work_orders_version` AFTER UPDATE OF order_no, customer_id, device_id, status, channel, service_type, priority, reported_fault, accessories, accessories_note, condition, device_password, warranty_status, warranty_computed, warranty_override_reason, rework_of_id, promised_at, technician_id, diagnosis, estimate, intake_estimate, approved_amount, approval_by, approval_method, approval_at, approval_recorded_by, resolution, cancel_reason, ready_at, delivered_at, created_by, created_at, updated_at, outcome, unrepairable_reason, diagnosed_at, held_from, hold_reason, held_at, recall_at ON `work_orders`
WHEN NEW.`version` = OLD.`version`
BEGIN
  UPDATE `work_orders` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
DROP TRIGGER `customers_version`;
--> statement-breakpoint
CREATE TRIGGER `customers_version` AFTER UPDATE OF code, name, initials, type, level, email, address, company, tags, notes, merged_into_id, no_contact, archived_at, created_at, updated_at ON `customers`
WHEN NEW.`version` = OLD.`version`
BEGIN
  UPDATE `customers` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `complaints_version` AFTER UPDATE OF complaint_no, customer_id, work_order_id, staff_user_id, follow_up_id, channel, category, severity, description, owner_id, status, first_response_due, resolution_due, first_responded_at, resolved_at, closed_at, resolution_kind, resolution_note, refund_payment_id, rework_order_id, compensation_amount, confirmed_by, confirmation_note, confirmed_at, created_by, created_at, updated_at ON `complaints`
WHEN NEW.`version` = OLD.`version`
BEGIN
  UPDATE `complaints` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
-- A complaint is never deleted; its steps and the follow-up calls are append-only.
CREATE TRIGGER `complaints_no_delete` BEFORE DELETE ON `complaints`
BEGIN
  SELECT RAISE(ABORT, 'complaints are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `complaint_events_no_update` BEFORE UPDATE ON `complaint_events`
BEGIN
  SELECT RAISE(ABORT, 'complaint_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `complaint_events_no_delete` BEFORE DELETE ON `complaint_events`
BEGIN
  SELECT RAISE(ABORT, 'complaint_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `follow_up_calls_no_update` BEFORE UPDATE ON `follow_up_calls`
BEGIN
  SELECT RAISE(ABORT, 'follow_up_calls is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `follow_up_calls_no_delete` BEFORE DELETE ON `follow_up_calls`
BEGIN
  SELECT RAISE(ABORT, 'follow_up_calls is append-only');
END;
--> statement-breakpoint
-- The outcome of orders closed (or past the bench) before outcomes existed: a declined quote stays
-- declined after its device went back (ready, delivered); the rest that reached ready were repaired.
UPDATE `work_orders` SET `outcome` = CASE
  WHEN `status` IN ('cancelled', 'declined') THEN `status`
  WHEN EXISTS (SELECT 1 FROM `work_order_events` e WHERE e.`work_order_id` = `work_orders`.`id` AND e.`to_status` = 'declined') THEN 'declined'
  ELSE 'repaired'
END
WHERE `status` IN ('cancelled', 'declined', 'ready', 'delivered');
--> statement-breakpoint
UPDATE `work_orders` SET `diagnosed_at` = (SELECT min(e.`at`) FROM `work_order_events` e
  WHERE e.`work_order_id` = `work_orders`.`id` AND e.`kind` = 'status' AND e.`from_status` = 'diagnosing');
