CREATE TABLE `contract_visits` (
	`work_order_id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `service_contracts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contract_visits_contract` ON `contract_visits` (`contract_id`);--> statement-breakpoint
CREATE TABLE `maintenance_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`name` text NOT NULL,
	`interval_days` integer,
	`interval_usage` integer,
	`unit` text,
	`last_service_on` text NOT NULL,
	`last_service_reading` integer,
	`next_due_on` text,
	`next_due_reading` integer,
	`current_reading` integer,
	`reading_reached` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `maintenance_plans_device` ON `maintenance_plans` (`device_id`,`unit`);--> statement-breakpoint
CREATE INDEX `maintenance_plans_due` ON `maintenance_plans` (`active`,`reading_reached`,`next_due_on`);--> statement-breakpoint
CREATE TABLE `service_contract_devices` (
	`contract_id` text NOT NULL,
	`device_id` text NOT NULL,
	PRIMARY KEY(`contract_id`, `device_id`),
	FOREIGN KEY (`contract_id`) REFERENCES `service_contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_contract_devices_device` ON `service_contract_devices` (`device_id`);--> statement-breakpoint
CREATE TABLE `service_contracts` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_no` text NOT NULL,
	`customer_id` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`visits` integer NOT NULL,
	`covers` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_contracts_contract_no_unique` ON `service_contracts` (`contract_no`);--> statement-breakpoint
CREATE INDEX `service_contracts_customer` ON `service_contracts` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `devices_warranty_end` ON `devices` (`warranty_end`);--> statement-breakpoint
-- A plan's current reading is the device's latest in its unit (as latestReading orders them), and
-- reading_reached whether it has come to the due reading: kept here so every new reading moves the
-- plan into (or out of) the due list's index.
CREATE TRIGGER `device_readings_plans` AFTER INSERT ON `device_readings`
BEGIN
  UPDATE `maintenance_plans` SET
    `current_reading` = (
      SELECT `value` FROM `device_readings` r
      WHERE r.`device_id` = NEW.`device_id` AND r.`unit` = NEW.`unit`
      ORDER BY r.`read_at` DESC, r.`id` DESC LIMIT 1
    ),
    `reading_reached` = coalesce(`next_due_reading` IS NOT NULL AND (
      SELECT `value` FROM `device_readings` r
      WHERE r.`device_id` = NEW.`device_id` AND r.`unit` = NEW.`unit`
      ORDER BY r.`read_at` DESC, r.`id` DESC LIMIT 1
    ) >= `next_due_reading`, 0)
  WHERE `device_id` = NEW.`device_id` AND `unit` = NEW.`unit`;
END;
