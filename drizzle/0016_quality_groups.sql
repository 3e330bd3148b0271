DROP INDEX `work_orders_outcome_report`;--> statement-breakpoint
CREATE INDEX `work_orders_group_report` ON `work_orders` (`technician_id`,`service_type`,`created_at`,`outcome`,`diagnosed_at`,`ready_at`,`promised_at`,`rework_of_id`,`warranty_computed`);--> statement-breakpoint
DROP INDEX `follow_ups_due_report`;--> statement-breakpoint
DROP INDEX `follow_ups_done_report`;--> statement-breakpoint
CREATE INDEX `follow_ups_due_group` ON `follow_ups` (`technician_id`,`service_type`,`due_at`,`state`);--> statement-breakpoint
CREATE INDEX `follow_ups_done_group` ON `follow_ups` (`technician_id`,`service_type`,`state`,`done_at`,`attitude`,`quality`,`timeliness`,`price`);