ALTER TABLE `devices` ADD `plate_no` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `devices` ADD `vin` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `devices` ADD `vin_no_check_digit` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `devices` ADD `model_year` integer;--> statement-breakpoint
ALTER TABLE `devices` ADD `install_address` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `devices` ADD `install_date` text;--> statement-breakpoint
CREATE INDEX `devices_plate` ON `devices` (`plate_no`);--> statement-breakpoint
CREATE INDEX `devices_vin` ON `devices` (`vin`);--> statement-breakpoint
-- Hand-added before release (issue 16): the device index gains the plate and the VIN, so 「A12」 finds
-- 粤A12345 and a VIN is found by its last digits. An FTS5 table takes no new column, so it is made
-- again with its triggers, and filled from the devices (as 0011 did for the category).
DROP TRIGGER `devices_search_insert`;
--> statement-breakpoint
DROP TRIGGER `devices_search_update`;
--> statement-breakpoint
DROP TRIGGER `devices_search_delete`;
--> statement-breakpoint
DROP TABLE `device_search_fts`;
--> statement-breakpoint
ALTER TABLE `device_search` ADD `plate_no` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `device_search` ADD `vin` text DEFAULT '' NOT NULL;
--> statement-breakpoint
CREATE VIRTUAL TABLE `device_search_fts` USING fts5(
	serial_no, brand, model, category, plate_no, vin,
	content='device_search', content_rowid='doc', tokenize='trigram'
);
--> statement-breakpoint
CREATE TRIGGER `devices_search_insert` AFTER INSERT ON `devices`
BEGIN
	INSERT INTO device_search (device_id, serial_no, brand, model, category, plate_no, vin)
		VALUES (new.id, new.serial_no, new.brand, new.model, new.category, new.plate_no, new.vin);
	INSERT INTO device_search_fts (rowid, serial_no, brand, model, category, plate_no, vin)
		SELECT doc, serial_no, brand, model, category, plate_no, vin FROM device_search WHERE device_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `devices_search_update` AFTER UPDATE OF id, serial_no, brand, model, category, plate_no, vin ON `devices`
WHEN old.id IS NOT new.id OR old.serial_no IS NOT new.serial_no OR old.brand IS NOT new.brand
	OR old.model IS NOT new.model OR old.category IS NOT new.category
	OR old.plate_no IS NOT new.plate_no OR old.vin IS NOT new.vin
BEGIN
	INSERT INTO device_search_fts (device_search_fts, rowid, serial_no, brand, model, category, plate_no, vin)
		SELECT 'delete', doc, serial_no, brand, model, category, plate_no, vin FROM device_search WHERE device_id = old.id;
	UPDATE device_search
		SET device_id = new.id, serial_no = new.serial_no, brand = new.brand, model = new.model,
			category = new.category, plate_no = new.plate_no, vin = new.vin
		WHERE device_id = old.id;
	INSERT INTO device_search_fts (rowid, serial_no, brand, model, category, plate_no, vin)
		SELECT doc, serial_no, brand, model, category, plate_no, vin FROM device_search WHERE device_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `devices_search_delete` AFTER DELETE ON `devices`
BEGIN
	INSERT INTO device_search_fts (device_search_fts, rowid, serial_no, brand, model, category, plate_no, vin)
		SELECT 'delete', doc, serial_no, brand, model, category, plate_no, vin FROM device_search WHERE device_id = old.id;
	DELETE FROM device_search WHERE device_id = old.id;
END;
--> statement-breakpoint
INSERT INTO device_search_fts (device_search_fts) VALUES ('rebuild');
