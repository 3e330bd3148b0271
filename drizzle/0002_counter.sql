CREATE TABLE `sequences` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `customer_phones` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`phone` text NOT NULL,
	`phone_reversed` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_phones_customer` ON `customer_phones` (`customer_id`,`position`);--> statement-breakpoint
CREATE INDEX `customer_phones_phone` ON `customer_phones` (`phone`);--> statement-breakpoint
CREATE INDEX `customer_phones_reversed` ON `customer_phones` (`phone_reversed`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`initials` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`level` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`company` text DEFAULT '' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`merged_into_id` text,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_code_unique` ON `customers` (`code`);--> statement-breakpoint
CREATE INDEX `customers_name` ON `customers` (`name`);--> statement-breakpoint
CREATE INDEX `customers_initials` ON `customers` (`initials`);--> statement-breakpoint
CREATE INDEX `customers_created` ON `customers` (`created_at`);--> statement-breakpoint
CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`category` text NOT NULL,
	`brand` text DEFAULT '' NOT NULL,
	`model` text DEFAULT '' NOT NULL,
	`serial_no` text DEFAULT '' NOT NULL,
	`purchase_date` text,
	`warranty_end` text,
	`invoice_no` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `devices_customer` ON `devices` (`customer_id`);--> statement-breakpoint
CREATE INDEX `devices_serial` ON `devices` (`serial_no`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`stored_name` text NOT NULL,
	`sha256` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_order` ON `attachments` (`work_order_id`);--> statement-breakpoint
CREATE TABLE `work_order_events` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	`username` text,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text DEFAULT '' NOT NULL,
	`data` text,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_order_events_order` ON `work_order_events` (`work_order_id`,`at`);--> statement-breakpoint
CREATE TABLE `work_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`order_no` text NOT NULL,
	`customer_id` text NOT NULL,
	`device_id` text NOT NULL,
	`status` text NOT NULL,
	`channel` text NOT NULL,
	`service_type` text NOT NULL,
	`priority` text NOT NULL,
	`reported_fault` text NOT NULL,
	`accessories` text DEFAULT '[]' NOT NULL,
	`accessories_note` text DEFAULT '' NOT NULL,
	`condition` text DEFAULT '' NOT NULL,
	`device_password` text DEFAULT '' NOT NULL,
	`warranty_status` text NOT NULL,
	`warranty_computed` text NOT NULL,
	`warranty_override_reason` text,
	`rework_of_id` text,
	`promised_at` integer NOT NULL,
	`technician_id` text,
	`diagnosis` text DEFAULT '' NOT NULL,
	`estimate` integer,
	`approval_by` text,
	`approval_method` text,
	`approval_at` integer,
	`approval_recorded_by` text,
	`resolution` text DEFAULT '' NOT NULL,
	`cancel_reason` text,
	`ready_at` integer,
	`delivered_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`technician_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_orders_no_unique` ON `work_orders` (`order_no`);--> statement-breakpoint
CREATE INDEX `work_orders_status_created` ON `work_orders` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `work_orders_created` ON `work_orders` (`created_at`);--> statement-breakpoint
CREATE INDEX `work_orders_customer` ON `work_orders` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `work_orders_device` ON `work_orders` (`device_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `work_orders_technician_status` ON `work_orders` (`technician_id`,`status`);--> statement-breakpoint
CREATE INDEX `work_orders_status_promised` ON `work_orders` (`status`,`promised_at`);--> statement-breakpoint
CREATE INDEX `work_orders_rework_of` ON `work_orders` (`rework_of_id`);--> statement-breakpoint
CREATE INDEX `work_orders_channel_status` ON `work_orders` (`channel`,`status`);--> statement-breakpoint
CREATE INDEX `work_orders_warranty_status` ON `work_orders` (`warranty_status`,`status`);--> statement-breakpoint
CREATE INDEX `work_orders_service_status` ON `work_orders` (`service_type`,`status`);--> statement-breakpoint
CREATE INDEX `work_orders_status_updated` ON `work_orders` (`status`,`updated_at`);