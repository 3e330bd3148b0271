CREATE TABLE `work_order_parts` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`part_id` text NOT NULL,
	`qty` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`unit_cost` integer NOT NULL,
	`covered_by_warranty` integer NOT NULL,
	`old_part_serial` text DEFAULT '' NOT NULL,
	`old_part_rma` integer DEFAULT false NOT NULL,
	`issue_document_id` text NOT NULL,
	`return_document_id` text,
	`added_by` text,
	`added_at` integer NOT NULL,
	`removed_by` text,
	`removed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`part_id`) REFERENCES `parts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issue_document_id`) REFERENCES `stock_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_document_id`) REFERENCES `stock_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_order_parts_order` ON `work_order_parts` (`work_order_id`);--> statement-breakpoint
CREATE INDEX `work_order_parts_part` ON `work_order_parts` (`part_id`);--> statement-breakpoint
CREATE TABLE `work_order_waits` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`part_id` text NOT NULL,
	`qty` integer NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`arrived_at` integer,
	`arrived_document_id` text,
	`closed_at` integer,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`part_id`) REFERENCES `parts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`arrived_document_id`) REFERENCES `stock_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_order_waits_order` ON `work_order_waits` (`work_order_id`);--> statement-breakpoint
CREATE INDEX `work_order_waits_part_open` ON `work_order_waits` (`part_id`,`closed_at`);--> statement-breakpoint
DROP INDEX `stock_movements_part_at`;--> statement-breakpoint
CREATE INDEX `stock_movements_at` ON `stock_movements` (`at`,`qty`);--> statement-breakpoint
CREATE INDEX `stock_movements_part_at` ON `stock_movements` (`part_id`,`at`,`qty`);--> statement-breakpoint
ALTER TABLE `stock_documents` ADD `work_order_id` text REFERENCES work_orders(id);--> statement-breakpoint
CREATE INDEX `stock_documents_kind_posted` ON `stock_documents` (`kind`,`posted_at`);--> statement-breakpoint
CREATE INDEX `stock_documents_work_order` ON `stock_documents` (`work_order_id`);