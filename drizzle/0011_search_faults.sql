CREATE INDEX `devices_brand_lower` ON `devices` (lower("brand"),`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `devices_model_lower` ON `devices` (lower("model"),`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `devices_category_lower` ON `devices` (lower("category"),`created_at`,`id`);--> statement-breakpoint
-- Hand-added before release (issue 11): work orders found by their fault and diagnosis, devices by
-- their category. Same shape as 0003_search_index: a narrow `*_search` table with a stable INTEGER
-- `doc` holds the indexed text and is the external content of an FTS5 `trigram` table; triggers keep
-- both in step inside the writer's own transaction.
--
-- The text is stored with every apostrophe folded to ' (’ ‘ ʼ ＇ → '): real faults say "won’t charge"
-- and a clerk types "won't charge"; services/search/text.ts folds the query the same way. Free text
-- ends in a newline, so that every 2-character piece of it starts a trigram ("换屏幕" + "\n" holds
-- "屏幕\n"): a 2-character Chinese query reads its trigrams from the `*_vocab` table and matches any
-- of them, on the index, instead of scanning every row with LIKE.
CREATE TABLE `work_order_search` (
	`doc` integer PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`fault` text NOT NULL,
	`diagnosis` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_order_search_order` ON `work_order_search` (`work_order_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `work_order_search_fts` USING fts5(
	fault, diagnosis,
	content='work_order_search', content_rowid='doc', tokenize='trigram'
);
--> statement-breakpoint
CREATE TRIGGER `work_orders_search_insert` AFTER INSERT ON `work_orders`
BEGIN
	INSERT INTO work_order_search (work_order_id, fault, diagnosis)
		VALUES (new.id,
			replace(replace(replace(replace(new.reported_fault, '’', ''''), '‘', ''''), 'ʼ', ''''), '＇', '''') || char(10),
			replace(replace(replace(replace(new.diagnosis, '’', ''''), '‘', ''''), 'ʼ', ''''), '＇', '''') || char(10));
	INSERT INTO work_order_search_fts (rowid, fault, diagnosis)
		SELECT doc, fault, diagnosis FROM work_order_search WHERE work_order_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `work_orders_search_update` AFTER UPDATE OF id, reported_fault, diagnosis ON `work_orders`
WHEN old.id IS NOT new.id OR old.reported_fault IS NOT new.reported_fault OR old.diagnosis IS NOT new.diagnosis
BEGIN
	INSERT INTO work_order_search_fts (work_order_search_fts, rowid, fault, diagnosis)
		SELECT 'delete', doc, fault, diagnosis FROM work_order_search WHERE work_order_id = old.id;
	UPDATE work_order_search
		SET work_order_id = new.id,
			fault = replace(replace(replace(replace(new.reported_fault, '’', ''''), '‘', ''''), 'ʼ', ''''), '＇', '''') || char(10),
			diagnosis = replace(replace(replace(replace(new.diagnosis, '’', ''''), '‘', ''''), 'ʼ', ''''), '＇', '''') || char(10)
		WHERE work_order_id = old.id;
	INSERT INTO work_order_search_fts (rowid, fault, diagnosis)
		SELECT doc, fault, diagnosis FROM work_order_search WHERE work_order_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `work_orders_search_delete` AFTER DELETE ON `work_orders`
BEGIN
	INSERT INTO work_order_search_fts (work_order_search_fts, rowid, fault, diagnosis)
		SELECT 'delete', doc, fault, diagnosis FROM work_order_search WHERE work_order_id = old.id;
	DELETE FROM work_order_search WHERE work_order_id = old.id;
END;
--> statement-breakpoint
-- Orders written before this migration, oldest first, so that a higher doc is a newer order.
INSERT INTO work_order_search (work_order_id, fault, diagnosis)
	SELECT id,
		replace(replace(replace(replace(reported_fault, '’', ''''), '‘', ''''), 'ʼ', ''''), '＇', '''') || char(10),
		replace(replace(replace(replace(diagnosis, '’', ''''), '‘', ''''), 'ʼ', ''''), '＇', '''') || char(10)
	FROM work_orders ORDER BY created_at, id;
--> statement-breakpoint
INSERT INTO work_order_search_fts (work_order_search_fts) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `work_order_search_vocab` USING fts5vocab(work_order_search_fts, row);
--> statement-breakpoint
-- The device index gains the category ("Desktop computer" found by "computer"). An FTS5 table takes
-- no new column, so it is made again with its triggers, and filled from the devices.
DROP TRIGGER `devices_search_insert`;
--> statement-breakpoint
DROP TRIGGER `devices_search_update`;
--> statement-breakpoint
DROP TRIGGER `devices_search_delete`;
--> statement-breakpoint
DROP TABLE `device_search_fts`;
--> statement-breakpoint
ALTER TABLE `device_search` ADD `category` text DEFAULT '' NOT NULL;
--> statement-breakpoint
UPDATE device_search SET category = (SELECT d.category FROM devices d WHERE d.id = device_search.device_id);
--> statement-breakpoint
CREATE VIRTUAL TABLE `device_search_fts` USING fts5(
	serial_no, brand, model, category,
	content='device_search', content_rowid='doc', tokenize='trigram'
);
--> statement-breakpoint
CREATE TRIGGER `devices_search_insert` AFTER INSERT ON `devices`
BEGIN
	INSERT INTO device_search (device_id, serial_no, brand, model, category)
		VALUES (new.id, new.serial_no, new.brand, new.model, new.category);
	INSERT INTO device_search_fts (rowid, serial_no, brand, model, category)
		SELECT doc, serial_no, brand, model, category FROM device_search WHERE device_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `devices_search_update` AFTER UPDATE OF id, serial_no, brand, model, category ON `devices`
WHEN old.id IS NOT new.id OR old.serial_no IS NOT new.serial_no OR old.brand IS NOT new.brand
	OR old.model IS NOT new.model OR old.category IS NOT new.category
BEGIN
	INSERT INTO device_search_fts (device_search_fts, rowid, serial_no, brand, model, category)
		SELECT 'delete', doc, serial_no, brand, model, category FROM device_search WHERE device_id = old.id;
	UPDATE device_search
		SET device_id = new.id, serial_no = new.serial_no, brand = new.brand, model = new.model,
			category = new.category
		WHERE device_id = old.id;
	INSERT INTO device_search_fts (rowid, serial_no, brand, model, category)
		SELECT doc, serial_no, brand, model, category FROM device_search WHERE device_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `devices_search_delete` AFTER DELETE ON `devices`
BEGIN
	INSERT INTO device_search_fts (device_search_fts, rowid, serial_no, brand, model, category)
		SELECT 'delete', doc, serial_no, brand, model, category FROM device_search WHERE device_id = old.id;
	DELETE FROM device_search WHERE device_id = old.id;
END;
--> statement-breakpoint
INSERT INTO device_search_fts (device_search_fts) VALUES ('rebuild');
--> statement-breakpoint
-- Customer names and companies end in a newline too, for the same 2-character lookups.
DROP TRIGGER `customers_search_insert`;
--> statement-breakpoint
DROP TRIGGER `customers_search_update`;
--> statement-breakpoint
CREATE TRIGGER `customers_search_insert` AFTER INSERT ON `customers`
BEGIN
	INSERT INTO customer_search (customer_id, name, company, code, initials)
		VALUES (new.id, new.name || char(10), new.company || char(10), new.code, new.initials);
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
		SET customer_id = new.id, name = new.name || char(10), company = new.company || char(10), code = new.code,
			initials = new.initials
		WHERE customer_id = old.id;
	INSERT INTO customer_search_fts (rowid, name, company, code, initials)
		SELECT doc, name, company, code, initials FROM customer_search WHERE customer_id = new.id;
END;
--> statement-breakpoint
UPDATE customer_search SET name = name || char(10), company = company || char(10);
--> statement-breakpoint
INSERT INTO customer_search_fts (customer_search_fts) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `customer_search_vocab` USING fts5vocab(customer_search_fts, row);
