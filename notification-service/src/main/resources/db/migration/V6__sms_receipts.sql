-- Delivery receipts from the SMS providers: the provider's id for the message a delivery handed over (aliyun:<BizId>,
-- tencent:<SerialNo>), and what the receipt said. One receipt per message: the first one counts, repeats change nothing.
ALTER TABLE delivery ADD COLUMN receipt_key varchar(160);
ALTER TABLE delivery ADD COLUMN receipt varchar(16) CHECK (receipt IN ('DELIVERED', 'FAILED'));
ALTER TABLE delivery ADD COLUMN receipt_detail varchar(500);
ALTER TABLE delivery ADD COLUMN receipt_at timestamptz;
CREATE UNIQUE INDEX delivery_receipt_key ON delivery (receipt_key) WHERE receipt_key IS NOT NULL;
