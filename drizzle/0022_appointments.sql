CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`device_id` text NOT NULL,
	`service_type` text NOT NULL,
	`fault` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`channel` text NOT NULL,
	`technician_id` text,
	`bay` text,
	`note` text DEFAULT '' NOT NULL,
	`state` text NOT NULL,
	`cancel_reason` text,
	`work_order_id` text,
	`closed_at` integer,
	`closed_by` text,
	`reminded_at` integer,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`technician_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointments_start` ON `appointments` (`start_at`,`state`);--> statement-breakpoint
CREATE INDEX `appointments_state_start` ON `appointments` (`state`,`start_at`);--> statement-breakpoint
CREATE INDEX `appointments_customer` ON `appointments` (`customer_id`,`start_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_work_order` ON `appointments` (`work_order_id`);