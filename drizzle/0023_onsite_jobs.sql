CREATE TABLE `onsite_jobs` (
	`work_order_id` text PRIMARY KEY NOT NULL,
	`address` text NOT NULL,
	`day` text NOT NULL,
	`from_time` text NOT NULL,
	`to_time` text NOT NULL,
	`technician_ids` text DEFAULT '[]' NOT NULL,
	`travel_fee_line_id` text,
	`arrived_at` integer,
	`arrived_by` text,
	`finished_at` integer,
	`finished_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`travel_fee_line_id`) REFERENCES `work_order_charges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`arrived_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`finished_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `onsite_jobs_day` ON `onsite_jobs` (`day`,`from_time`);