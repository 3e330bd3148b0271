CREATE TABLE `day_close_events` (
	`id` text PRIMARY KEY NOT NULL,
	`business_date` text NOT NULL,
	`action` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`snapshot` text,
	`at` integer NOT NULL,
	`user_id` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `day_close_events_date` ON `day_close_events` (`business_date`,`at`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`settlement_id` text NOT NULL,
	`method` text NOT NULL,
	`amount` integer NOT NULL,
	`tendered` integer,
	`change` integer,
	`reference` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`business_date` text NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	`approved_by` text,
	`reverses_id` text,
	FOREIGN KEY (`settlement_id`) REFERENCES `settlements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payments_settlement` ON `payments` (`settlement_id`);--> statement-breakpoint
CREATE INDEX `payments_business_date` ON `payments` (`business_date`,`method`);--> statement-breakpoint
CREATE TABLE `settlement_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`settlement_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`kind` text NOT NULL,
	`source_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`qty` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`amount` integer NOT NULL,
	`covered_by_warranty` integer NOT NULL,
	`list_amount` integer NOT NULL,
	`cost` integer NOT NULL,
	FOREIGN KEY (`settlement_id`) REFERENCES `settlements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `settlement_lines_settlement` ON `settlement_lines` (`settlement_id`);--> statement-breakpoint
CREATE TABLE `settlements` (
	`id` text PRIMARY KEY NOT NULL,
	`settlement_no` text NOT NULL,
	`work_order_id` text NOT NULL,
	`status` text NOT NULL,
	`subtotal` integer NOT NULL,
	`warranty_value` integer NOT NULL,
	`discount_type` text NOT NULL,
	`discount_value` real DEFAULT 0 NOT NULL,
	`discount_amount` integer NOT NULL,
	`discount_approved_by` text,
	`rounding` integer NOT NULL,
	`total` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`voided_at` integer,
	`voided_by` text,
	`void_reason` text,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`discount_approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settlements_no_unique` ON `settlements` (`settlement_no`);--> statement-breakpoint
CREATE INDEX `settlements_order` ON `settlements` (`work_order_id`,`status`);--> statement-breakpoint
CREATE INDEX `settlements_created` ON `settlements` (`created_at`);--> statement-breakpoint
CREATE TABLE `work_order_charges` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`kind` text NOT NULL,
	`item_code` text NOT NULL,
	`name` text NOT NULL,
	`technician_id` text,
	`hours` real DEFAULT 0 NOT NULL,
	`amount` integer NOT NULL,
	`covered_by_warranty` integer NOT NULL,
	`approved_by` text,
	`added_by` text,
	`added_at` integer NOT NULL,
	`removed_by` text,
	`removed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`technician_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_order_charges_order` ON `work_order_charges` (`work_order_id`);