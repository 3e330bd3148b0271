CREATE TABLE `deposits` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`method` text NOT NULL,
	`amount` integer NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`business_date` text NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	`approved_by` text,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deposits_order` ON `deposits` (`work_order_id`);--> statement-breakpoint
CREATE INDEX `deposits_date_amount` ON `deposits` (`business_date`,`method`,`amount`);--> statement-breakpoint
ALTER TABLE `settlements` ADD `deposit_credited` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- A deposit is money taken: append-only like payments; giving it back is a new negative row.
CREATE TRIGGER `deposits_no_update` BEFORE UPDATE ON `deposits`
BEGIN
  SELECT RAISE(ABORT, 'deposits are append-only; record a refund');
END;
--> statement-breakpoint
CREATE TRIGGER `deposits_no_delete` BEFORE DELETE ON `deposits`
BEGIN
  SELECT RAISE(ABORT, 'deposits are append-only; record a refund');
END;
