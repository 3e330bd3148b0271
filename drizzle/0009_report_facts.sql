CREATE TABLE `settlement_facts` (
	`settlement_id` text NOT NULL,
	`work_order_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`status` text NOT NULL,
	`technician_id` text,
	`brand` text NOT NULL,
	`maker_warranty` integer NOT NULL,
	`total` integer NOT NULL,
	`discount_amount` integer NOT NULL,
	`labor` integer DEFAULT 0 NOT NULL,
	`parts` integer DEFAULT 0 NOT NULL,
	`fees` integer DEFAULT 0 NOT NULL,
	`labor_hours` real DEFAULT 0 NOT NULL,
	`claim_lines` integer DEFAULT 0 NOT NULL,
	`claim_amount` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`settlement_id`) REFERENCES `settlements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settlement_facts_settlement` ON `settlement_facts` (`settlement_id`);--> statement-breakpoint
CREATE INDEX `settlement_facts_created` ON `settlement_facts` (`created_at`,`status`,`total`,`discount_amount`,`labor`,`parts`,`fees`,`labor_hours`,`technician_id`,`claim_amount`,`claim_lines`,`brand`);--> statement-breakpoint
CREATE INDEX `settlement_facts_technician` ON `settlement_facts` (`technician_id`,`created_at`,`status`,`labor`,`labor_hours`);--> statement-breakpoint
CREATE INDEX `settlement_facts_claims` ON `settlement_facts` (`brand`,`created_at`,`status`,`claim_lines`,`claim_amount`) WHERE claim_lines > 0;--> statement-breakpoint
CREATE INDEX `work_orders_intake_report` ON `work_orders` (`created_at`,`channel`,`service_type`,`status`,`warranty_computed`,`rework_of_id`,`ready_at`,`delivered_at`);--> statement-breakpoint
CREATE INDEX `work_orders_ready_report` ON `work_orders` (`ready_at`,`created_at`,`promised_at`,`service_type`,`technician_id`);--> statement-breakpoint
CREATE INDEX `work_orders_delivered_report` ON `work_orders` (`delivered_at`,`created_at`,`promised_at`,`service_type`,`technician_id`);--> statement-breakpoint
CREATE INDEX `payments_date_amount` ON `payments` (`business_date`,`method`,`amount`);
--> statement-breakpoint
-- Hand-added before release: the triggers that keep settlement_facts, and the rows of settlements made before it.
CREATE TRIGGER `settlement_facts_on_settlement` AFTER INSERT ON `settlements`
BEGIN
  INSERT INTO `settlement_facts` (`settlement_id`, `work_order_id`, `created_at`, `status`, `technician_id`, `brand`,
    `maker_warranty`, `total`, `discount_amount`)
  SELECT NEW.`id`, NEW.`work_order_id`, NEW.`created_at`, NEW.`status`, o.`technician_id`, coalesce(d.`brand`, ''),
    o.`warranty_status` = 'in', NEW.`total`, NEW.`discount_amount`
  FROM `work_orders` o LEFT JOIN `devices` d ON d.`id` = o.`device_id`
  WHERE o.`id` = NEW.`work_order_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_facts_on_line` AFTER INSERT ON `settlement_lines`
BEGIN
  UPDATE `settlement_facts` SET
    `labor` = `labor` + CASE WHEN NEW.`kind` = 'labor' THEN NEW.`amount` ELSE 0 END,
    `parts` = `parts` + CASE WHEN NEW.`kind` = 'part' THEN NEW.`amount` ELSE 0 END,
    `fees` = `fees` + CASE WHEN NEW.`kind` = 'fee' THEN NEW.`amount` ELSE 0 END,
    `labor_hours` = `labor_hours` + CASE WHEN NEW.`kind` = 'labor'
      THEN coalesce((SELECT c.`hours` FROM `work_order_charges` c WHERE c.`id` = NEW.`source_id`), 0) ELSE 0 END,
    `claim_lines` = `claim_lines` + CASE WHEN NEW.`covered_by_warranty` AND `maker_warranty` THEN 1 ELSE 0 END,
    `claim_amount` = `claim_amount` + CASE WHEN NEW.`covered_by_warranty` AND `maker_warranty` THEN NEW.`list_amount` ELSE 0 END
  WHERE `settlement_id` = NEW.`settlement_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `settlement_facts_on_void` AFTER UPDATE OF `status` ON `settlements`
BEGIN
  UPDATE `settlement_facts` SET `status` = NEW.`status` WHERE `settlement_id` = NEW.`id`;
END;
--> statement-breakpoint
INSERT INTO `settlement_facts` (`settlement_id`, `work_order_id`, `created_at`, `status`, `technician_id`, `brand`,
  `maker_warranty`, `total`, `discount_amount`, `labor`, `parts`, `fees`, `labor_hours`, `claim_lines`, `claim_amount`)
SELECT s.`id`, s.`work_order_id`, s.`created_at`, s.`status`, o.`technician_id`, coalesce(d.`brand`, ''),
  o.`warranty_status` = 'in', s.`total`, s.`discount_amount`,
  coalesce((SELECT sum(l.`amount`) FROM `settlement_lines` l WHERE l.`settlement_id` = s.`id` AND l.`kind` = 'labor'), 0),
  coalesce((SELECT sum(l.`amount`) FROM `settlement_lines` l WHERE l.`settlement_id` = s.`id` AND l.`kind` = 'part'), 0),
  coalesce((SELECT sum(l.`amount`) FROM `settlement_lines` l WHERE l.`settlement_id` = s.`id` AND l.`kind` = 'fee'), 0),
  coalesce((SELECT sum(c.`hours`) FROM `settlement_lines` l JOIN `work_order_charges` c ON c.`id` = l.`source_id`
    WHERE l.`settlement_id` = s.`id` AND l.`kind` = 'labor'), 0),
  CASE WHEN o.`warranty_status` = 'in' THEN (SELECT count(*) FROM `settlement_lines` l
    WHERE l.`settlement_id` = s.`id` AND l.`covered_by_warranty`) ELSE 0 END,
  CASE WHEN o.`warranty_status` = 'in' THEN coalesce((SELECT sum(l.`list_amount`) FROM `settlement_lines` l
    WHERE l.`settlement_id` = s.`id` AND l.`covered_by_warranty`), 0) ELSE 0 END
FROM `settlements` s JOIN `work_orders` o ON o.`id` = s.`work_order_id` LEFT JOIN `devices` d ON d.`id` = o.`device_id`;
