CREATE TABLE `outbox_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`idempotency_key` text NOT NULL,
	`work_order_id` text,
	`customer_id` text NOT NULL,
	`complaint_id` text,
	`event` text NOT NULL,
	`channel` text NOT NULL,
	`recipient` text DEFAULT '' NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`text` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`state` text NOT NULL,
	`reason` text,
	`provider_reason` text,
	`provider_message_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`lease` text,
	`created_by` text,
	`sent_by` text,
	`sent_by_name` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_messages_key` ON `outbox_messages` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_messages_due` ON `outbox_messages` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_messages_order` ON `outbox_messages` (`work_order_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_messages_created` ON `outbox_messages` (`created_at`);