CREATE TABLE `parts` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`spec` text DEFAULT '' NOT NULL,
	`compatible_models` text DEFAULT '' NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '个' NOT NULL,
	`barcode` text DEFAULT '' NOT NULL,
	`cost_price` integer DEFAULT 0 NOT NULL,
	`sale_price` integer DEFAULT 0 NOT NULL,
	`min_stock` integer DEFAULT 0 NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`default_supplier_id` text,
	`on_hand` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`default_supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parts_code_unique` ON `parts` (`code`);--> statement-breakpoint
CREATE INDEX `parts_name` ON `parts` (`name`);--> statement-breakpoint
CREATE INDEX `parts_barcode` ON `parts` (`barcode`);--> statement-breakpoint
CREATE TABLE `stock_document_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`part_id` text NOT NULL,
	`qty` integer NOT NULL,
	`counted_qty` integer,
	`unit_cost` integer DEFAULT 0 NOT NULL,
	`cost_before` integer NOT NULL,
	`cost_after` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `stock_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`part_id`) REFERENCES `parts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_document_lines_document` ON `stock_document_lines` (`document_id`);--> statement-breakpoint
CREATE TABLE `stock_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`doc_no` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'posted' NOT NULL,
	`supplier_id` text,
	`reason` text DEFAULT '' NOT NULL,
	`reverses_id` text,
	`created_by` text,
	`posted_at` integer NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_documents_doc_no_unique` ON `stock_documents` (`doc_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `stock_documents_reverses_id_unique` ON `stock_documents` (`reverses_id`);--> statement-breakpoint
CREATE INDEX `stock_documents_posted` ON `stock_documents` (`posted_at`);--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`part_id` text NOT NULL,
	`document_id` text NOT NULL,
	`qty` integer NOT NULL,
	`unit_cost` integer NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	FOREIGN KEY (`part_id`) REFERENCES `parts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `stock_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_movements_part_at` ON `stock_movements` (`part_id`,`at`);--> statement-breakpoint
CREATE INDEX `stock_movements_document` ON `stock_movements` (`document_id`);--> statement-breakpoint
CREATE TABLE `suppliers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
