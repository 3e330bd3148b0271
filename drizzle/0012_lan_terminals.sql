CREATE TABLE `terminals` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`key_hash` text NOT NULL,
	`paired_at` integer NOT NULL,
	`address` text,
	`last_seen_at` integer,
	`last_user` text,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `terminals_key_hash` ON `terminals` (`key_hash`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `terminal_id` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `terminal_name` text;--> statement-breakpoint
ALTER TABLE `work_order_events` ADD `terminal_name` text;