CREATE TABLE `history_import_items` (
	`import_id` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`row` integer NOT NULL,
	`source_no` text DEFAULT '' NOT NULL,
	`technician_name` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `history_imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `history_import_items_import` ON `history_import_items` (`import_id`,`entity`);--> statement-breakpoint
CREATE INDEX `history_import_items_entity` ON `history_import_items` (`entity_id`);--> statement-breakpoint
CREATE TABLE `history_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`rows` integer NOT NULL,
	`added` text NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	`undoing` integer DEFAULT false NOT NULL,
	`undone_at` integer,
	`undone_by` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`undone_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `history_imports_at` ON `history_imports` (`at`);--> statement-breakpoint
-- Hand-added before release: undoing a history import removes its orders' settlements, lines and
-- payments. Only while that import is marked `undoing` (inside the undo's own transaction) and only
-- rows of orders it made; every other delete is refused as before.
DROP TRIGGER `payments_no_delete`;
--> statement-breakpoint
CREATE TRIGGER `payments_no_delete` BEFORE DELETE ON `payments`
WHEN NOT EXISTS (
  SELECT 1 FROM `settlements` s
  JOIN `history_import_items` i ON i.entity = 'workOrder' AND i.entity_id = s.work_order_id
  JOIN `history_imports` h ON h.id = i.import_id AND h.undoing = 1
  WHERE s.id = OLD.settlement_id
)
BEGIN
  SELECT RAISE(ABORT, 'payments are append-only; record a refund or void the settlement');
END;
--> statement-breakpoint
DROP TRIGGER `settlement_lines_no_delete`;
--> statement-breakpoint
CREATE TRIGGER `settlement_lines_no_delete` BEFORE DELETE ON `settlement_lines`
WHEN NOT EXISTS (
  SELECT 1 FROM `settlements` s
  JOIN `history_import_items` i ON i.entity = 'workOrder' AND i.entity_id = s.work_order_id
  JOIN `history_imports` h ON h.id = i.import_id AND h.undoing = 1
  WHERE s.id = OLD.settlement_id
)
BEGIN
  SELECT RAISE(ABORT, 'settlement lines are fixed once made; void the settlement');
END;
--> statement-breakpoint
DROP TRIGGER `settlements_no_delete`;
--> statement-breakpoint
CREATE TRIGGER `settlements_no_delete` BEFORE DELETE ON `settlements`
WHEN NOT EXISTS (
  SELECT 1 FROM `history_import_items` i
  JOIN `history_imports` h ON h.id = i.import_id AND h.undoing = 1
  WHERE i.entity = 'workOrder' AND i.entity_id = OLD.work_order_id
)
BEGIN
  SELECT RAISE(ABORT, 'settlements are never deleted; void it');
END;
