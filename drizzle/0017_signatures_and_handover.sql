CREATE TABLE `order_handovers` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`items` text NOT NULL,
	`without_ticket` integer NOT NULL,
	`id_note` text DEFAULT '' NOT NULL,
	`signature_id` text,
	`recorded_by` text,
	`username` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signature_id`) REFERENCES `order_signatures`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_handovers_order` ON `order_handovers` (`work_order_id`);--> statement-breakpoint
CREATE INDEX `order_handovers_signature` ON `order_handovers` (`signature_id`);--> statement-breakpoint
CREATE TABLE `order_signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`kind` text NOT NULL,
	`png` blob NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`recorded_by` text,
	`username` text,
	`recorded_at` integer NOT NULL,
	`terminal_name` text,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_signatures_order_kind` ON `order_signatures` (`work_order_id`,`kind`);--> statement-breakpoint
-- A signature and a hand-over, once recorded, are evidence: never changed, never removed.
CREATE TRIGGER `order_signatures_no_update` BEFORE UPDATE ON `order_signatures`
BEGIN
  SELECT RAISE(ABORT, 'signatures are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `order_signatures_no_delete` BEFORE DELETE ON `order_signatures`
BEGIN
  SELECT RAISE(ABORT, 'signatures are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `order_handovers_no_update` BEFORE UPDATE ON `order_handovers`
BEGIN
  SELECT RAISE(ABORT, 'hand-overs are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `order_handovers_no_delete` BEFORE DELETE ON `order_handovers`
BEGIN
  SELECT RAISE(ABORT, 'hand-overs are append-only');
END;
