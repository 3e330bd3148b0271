CREATE TABLE `print_log` (
	`id` text PRIMARY KEY NOT NULL,
	`form` text NOT NULL,
	`document_id` text NOT NULL,
	`printed_by` text,
	`username` text,
	`printed_at` integer NOT NULL,
	FOREIGN KEY (`printed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `print_log_document` ON `print_log` (`form`,`document_id`,`printed_at`);--> statement-breakpoint
ALTER TABLE `work_orders` ADD `intake_estimate` integer;--> statement-breakpoint
ALTER TABLE `work_orders` ADD `approved_amount` integer;--> statement-breakpoint
-- The print log is append-only: a print, once made, was made.
CREATE TRIGGER `print_log_no_update` BEFORE UPDATE ON `print_log`
BEGIN
  SELECT RAISE(ABORT, 'the print log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `print_log_no_delete` BEFORE DELETE ON `print_log`
BEGIN
  SELECT RAISE(ABORT, 'the print log is append-only');
END;
--> statement-breakpoint
-- The intake estimate of an existing order: the one its 'created' event recorded when it has one;
-- else the estimate before its first change (every change of the estimate is an 'edit' event with
-- the value before it); else the estimate as it stands, never changed since intake.
-- json_type is NULL only for a missing key: a recorded null (no estimate) stays null.
UPDATE `work_orders` SET `intake_estimate` = CASE
  WHEN EXISTS (
    SELECT 1 FROM `work_order_events` e
    WHERE e.`work_order_id` = `work_orders`.`id` AND e.`kind` = 'created'
      AND json_type(e.`data`, '$.estimate') IS NOT NULL
  ) THEN (
    SELECT json_extract(e.`data`, '$.estimate') FROM `work_order_events` e
    WHERE e.`work_order_id` = `work_orders`.`id` AND e.`kind` = 'created'
      AND json_type(e.`data`, '$.estimate') IS NOT NULL
    ORDER BY e.`at`, e.`id` LIMIT 1
  )
  WHEN EXISTS (
    SELECT 1 FROM `work_order_events` e
    WHERE e.`work_order_id` = `work_orders`.`id` AND e.`kind` = 'edit'
      AND json_type(e.`data`, '$.before.estimate') IS NOT NULL
  ) THEN (
    SELECT json_extract(e.`data`, '$.before.estimate') FROM `work_order_events` e
    WHERE e.`work_order_id` = `work_orders`.`id` AND e.`kind` = 'edit'
      AND json_type(e.`data`, '$.before.estimate') IS NOT NULL
    ORDER BY e.`at`, e.`id` LIMIT 1
  )
  ELSE `estimate`
END;
--> statement-breakpoint
-- The approved amount of an order already approved: the estimate in force when the customer said
-- yes — the last change of the estimate up to that moment, else the intake estimate.
UPDATE `work_orders` SET `approved_amount` = CASE
  WHEN EXISTS (
    SELECT 1 FROM `work_order_events` e
    WHERE e.`work_order_id` = `work_orders`.`id` AND e.`kind` = 'edit' AND e.`at` <= `work_orders`.`approval_at`
      AND json_type(e.`data`, '$.after.estimate') IS NOT NULL
  ) THEN (
    SELECT json_extract(e.`data`, '$.after.estimate') FROM `work_order_events` e
    WHERE e.`work_order_id` = `work_orders`.`id` AND e.`kind` = 'edit' AND e.`at` <= `work_orders`.`approval_at`
      AND json_type(e.`data`, '$.after.estimate') IS NOT NULL
    ORDER BY e.`at` DESC, e.`id` DESC LIMIT 1
  )
  ELSE `intake_estimate`
END
WHERE `approval_at` IS NOT NULL;
