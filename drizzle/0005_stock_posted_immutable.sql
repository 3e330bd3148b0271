-- Posted stock documents, their lines and the ledger are append-only: a mistake is corrected by a reversing document.
CREATE TRIGGER `stock_documents_no_update` BEFORE UPDATE ON `stock_documents`
BEGIN
  SELECT RAISE(ABORT, 'stock_documents is posted and immutable; post a reversing document');
END;
--> statement-breakpoint
CREATE TRIGGER `stock_documents_no_delete` BEFORE DELETE ON `stock_documents`
BEGIN
  SELECT RAISE(ABORT, 'stock_documents is posted and immutable; post a reversing document');
END;
--> statement-breakpoint
CREATE TRIGGER `stock_document_lines_no_update` BEFORE UPDATE ON `stock_document_lines`
BEGIN
  SELECT RAISE(ABORT, 'stock_document_lines is posted and immutable; post a reversing document');
END;
--> statement-breakpoint
CREATE TRIGGER `stock_document_lines_no_delete` BEFORE DELETE ON `stock_document_lines`
BEGIN
  SELECT RAISE(ABORT, 'stock_document_lines is posted and immutable; post a reversing document');
END;
--> statement-breakpoint
CREATE TRIGGER `stock_movements_no_update` BEFORE UPDATE ON `stock_movements`
BEGIN
  SELECT RAISE(ABORT, 'stock_movements is posted and immutable; post a reversing document');
END;
--> statement-breakpoint
CREATE TRIGGER `stock_movements_no_delete` BEFORE DELETE ON `stock_movements`
BEGIN
  SELECT RAISE(ABORT, 'stock_movements is posted and immutable; post a reversing document');
END;
