CREATE TABLE `device_readings` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`unit` text NOT NULL,
	`value` integer NOT NULL,
	`read_at` integer NOT NULL,
	`source` text NOT NULL,
	`work_order_id` text,
	`reason` text DEFAULT '' NOT NULL,
	`recorded_by` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `device_readings_device` ON `device_readings` (`device_id`,`unit`,`read_at`);--> statement-breakpoint
CREATE TRIGGER `device_readings_no_update` BEFORE UPDATE ON `device_readings`
BEGIN
  SELECT RAISE(ABORT, 'device readings are append-only; record a correction');
END;
--> statement-breakpoint
CREATE TRIGGER `device_readings_no_delete` BEFORE DELETE ON `device_readings`
BEGIN
  SELECT RAISE(ABORT, 'device readings are append-only; record a correction');
END;
