-- Search index for the counter's one search box (issue 3).
--
-- FTS5 `trigram` tables answer substring queries of 3+ characters (name, company, code, pinyin
-- initials; serial / IMEI / VIN, brand, model). Shorter queries use LIKE and the plain indexes.
--
-- customers and devices have text UUID keys, so their rowids are implicit and VACUUM may renumber
-- them. The FTS rows therefore hang off small `*_search` tables whose INTEGER PRIMARY KEY `doc`
-- never changes; each is the FTS table's external content and holds exactly the indexed text.
-- Triggers on customers and devices keep both in step inside the writer's own transaction.
CREATE TABLE `customer_search` (
	`doc` integer PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`name` text NOT NULL,
	`company` text NOT NULL,
	`code` text NOT NULL,
	`initials` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_search_customer` ON `customer_search` (`customer_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `customer_search_fts` USING fts5(
	name, company, code, initials,
	content='customer_search', content_rowid='doc', tokenize='trigram'
);
--> statement-breakpoint
CREATE TRIGGER `customers_search_insert` AFTER INSERT ON `customers`
BEGIN
	INSERT INTO customer_search (customer_id, name, company, code, initials)
		VALUES (new.id, new.name, new.company, new.code, new.initials);
	INSERT INTO customer_search_fts (rowid, name, company, code, initials)
		SELECT doc, name, company, code, initials FROM customer_search WHERE customer_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_update` AFTER UPDATE OF id, name, company, code, initials ON `customers`
WHEN old.id IS NOT new.id OR old.name IS NOT new.name OR old.company IS NOT new.company
	OR old.code IS NOT new.code OR old.initials IS NOT new.initials
BEGIN
	INSERT INTO customer_search_fts (customer_search_fts, rowid, name, company, code, initials)
		SELECT 'delete', doc, name, company, code, initials FROM customer_search WHERE customer_id = old.id;
	UPDATE customer_search
		SET customer_id = new.id, name = new.name, company = new.company, code = new.code, initials = new.initials
		WHERE customer_id = old.id;
	INSERT INTO customer_search_fts (rowid, name, company, code, initials)
		SELECT doc, name, company, code, initials FROM customer_search WHERE customer_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_delete` AFTER DELETE ON `customers`
BEGIN
	INSERT INTO customer_search_fts (customer_search_fts, rowid, name, company, code, initials)
		SELECT 'delete', doc, name, company, code, initials FROM customer_search WHERE customer_id = old.id;
	DELETE FROM customer_search WHERE customer_id = old.id;
END;
--> statement-breakpoint
CREATE TABLE `device_search` (
	`doc` integer PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`serial_no` text NOT NULL,
	`brand` text NOT NULL,
	`model` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `device_search_device` ON `device_search` (`device_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `device_search_fts` USING fts5(
	serial_no, brand, model,
	content='device_search', content_rowid='doc', tokenize='trigram'
);
--> statement-breakpoint
CREATE TRIGGER `devices_search_insert` AFTER INSERT ON `devices`
BEGIN
	INSERT INTO device_search (device_id, serial_no, brand, model)
		VALUES (new.id, new.serial_no, new.brand, new.model);
	INSERT INTO device_search_fts (rowid, serial_no, brand, model)
		SELECT doc, serial_no, brand, model FROM device_search WHERE device_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `devices_search_update` AFTER UPDATE OF id, serial_no, brand, model ON `devices`
WHEN old.id IS NOT new.id OR old.serial_no IS NOT new.serial_no OR old.brand IS NOT new.brand
	OR old.model IS NOT new.model
BEGIN
	INSERT INTO device_search_fts (device_search_fts, rowid, serial_no, brand, model)
		SELECT 'delete', doc, serial_no, brand, model FROM device_search WHERE device_id = old.id;
	UPDATE device_search
		SET device_id = new.id, serial_no = new.serial_no, brand = new.brand, model = new.model
		WHERE device_id = old.id;
	INSERT INTO device_search_fts (rowid, serial_no, brand, model)
		SELECT doc, serial_no, brand, model FROM device_search WHERE device_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `devices_search_delete` AFTER DELETE ON `devices`
BEGIN
	INSERT INTO device_search_fts (device_search_fts, rowid, serial_no, brand, model)
		SELECT 'delete', doc, serial_no, brand, model FROM device_search WHERE device_id = old.id;
	DELETE FROM device_search WHERE device_id = old.id;
END;
--> statement-breakpoint
-- Rows written before this migration (none in a new shop) are indexed once here.
INSERT INTO customer_search (customer_id, name, company, code, initials)
	SELECT id, name, company, code, initials FROM customers;
--> statement-breakpoint
INSERT INTO customer_search_fts (customer_search_fts) VALUES ('rebuild');
--> statement-breakpoint
INSERT INTO device_search (device_id, serial_no, brand, model)
	SELECT id, serial_no, brand, model FROM devices;
--> statement-breakpoint
INSERT INTO device_search_fts (device_search_fts) VALUES ('rebuild');
