ALTER TABLE `work_orders` ADD `device_category` text;--> statement-breakpoint
ALTER TABLE `work_orders` ADD `device_brand` text;--> statement-breakpoint
CREATE INDEX `work_orders_category_report` ON `work_orders` (`created_at`,`device_category`,`device_brand`,`outcome`,`ready_at`);--> statement-breakpoint
ALTER TABLE `settlement_facts` ADD `category` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `settlement_facts_category` ON `settlement_facts` (`created_at`,`status`,`category`,`brand`,`total`);--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `technician_id` text;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `service_type` text;--> statement-breakpoint
CREATE INDEX `follow_ups_due_report` ON `follow_ups` (`due_at`,`state`,`technician_id`,`service_type`);--> statement-breakpoint
CREATE INDEX `follow_ups_done_report` ON `follow_ups` (`done_at`,`state`,`attitude`,`quality`,`timeliness`,`price`,`technician_id`,`service_type`);--> statement-breakpoint
-- Hand-added before release: the triggers that keep these copies, and the rows made before them.
-- The app's own inserts give the copies (no second write); any other insert gets them here.
-- Copies instead of joins: a year of the service-quality and by-category reports is then one index
-- range each (a join per row cost 1–3 s on the bench branch). Nothing in the app writes them.
CREATE TRIGGER `work_orders_device_facts_insert` AFTER INSERT ON `work_orders`
WHEN NEW.`device_category` IS NULL
BEGIN
  UPDATE `work_orders` SET
    `device_category` = (SELECT d.`category` FROM `devices` d WHERE d.`id` = NEW.`device_id`),
    `device_brand` = (SELECT d.`brand` FROM `devices` d WHERE d.`id` = NEW.`device_id`)
  WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `work_orders_device_facts_move` AFTER UPDATE OF `device_id` ON `work_orders`
BEGIN
  UPDATE `work_orders` SET
    `device_category` = (SELECT d.`category` FROM `devices` d WHERE d.`id` = NEW.`device_id`),
    `device_brand` = (SELECT d.`brand` FROM `devices` d WHERE d.`id` = NEW.`device_id`)
  WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `devices_order_facts` AFTER UPDATE OF `category`, `brand` ON `devices`
BEGIN
  UPDATE `work_orders` SET `device_category` = NEW.`category`, `device_brand` = NEW.`brand`
  WHERE `device_id` = NEW.`id`;
END;
--> statement-breakpoint
UPDATE `work_orders` SET
  `device_category` = (SELECT d.`category` FROM `devices` d WHERE d.`id` = `work_orders`.`device_id`),
  `device_brand` = (SELECT d.`brand` FROM `devices` d WHERE d.`id` = `work_orders`.`device_id`);
--> statement-breakpoint
CREATE TRIGGER `follow_ups_order_facts` AFTER INSERT ON `follow_ups`
WHEN NEW.`service_type` IS NULL
BEGIN
  UPDATE `follow_ups` SET
    `technician_id` = (SELECT o.`technician_id` FROM `work_orders` o WHERE o.`id` = NEW.`work_order_id`),
    `service_type` = (SELECT o.`service_type` FROM `work_orders` o WHERE o.`id` = NEW.`work_order_id`)
  WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
UPDATE `follow_ups` SET
  `technician_id` = (SELECT o.`technician_id` FROM `work_orders` o WHERE o.`id` = `follow_ups`.`work_order_id`),
  `service_type` = (SELECT o.`service_type` FROM `work_orders` o WHERE o.`id` = `follow_ups`.`work_order_id`);
--> statement-breakpoint
DROP TRIGGER `settlement_facts_on_settlement`;
--> statement-breakpoint
CREATE TRIGGER `settlement_facts_on_settlement` AFTER INSERT ON `settlements`
BEGIN
  INSERT INTO `settlement_facts` (`settlement_id`, `work_order_id`, `created_at`, `status`, `technician_id`, `brand`,
    `category`, `maker_warranty`, `total`, `discount_amount`)
  SELECT NEW.`id`, NEW.`work_order_id`, NEW.`created_at`, NEW.`status`, o.`technician_id`, coalesce(d.`brand`, ''),
    coalesce(d.`category`, ''), o.`warranty_status` = 'in', NEW.`total`, NEW.`discount_amount`
  FROM `work_orders` o LEFT JOIN `devices` d ON d.`id` = o.`device_id`
  WHERE o.`id` = NEW.`work_order_id`;
END;
--> statement-breakpoint
UPDATE `settlement_facts` SET `category` = coalesce((SELECT d.`category` FROM `work_orders` o
  JOIN `devices` d ON d.`id` = o.`device_id` WHERE o.`id` = `settlement_facts`.`work_order_id`), '');
