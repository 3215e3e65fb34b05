-- Every restock or withdrawal of a 积分超市 item is kept (every state change audited): who, when, and the stock and
-- shelf state before and after. catalogue_item keeps the current state, which redemptions read and decrement; this is
-- the community's record of its own changes to it, append-only like the ledger. Redemptions are recorded as
-- redemptions.
CREATE TABLE catalogue_stock_change (
    seq           BIGSERIAL   PRIMARY KEY,
    item_id       UUID        NOT NULL REFERENCES catalogue_item (id),
    changed_at    TIMESTAMPTZ NOT NULL,
    changed_by    TEXT        NOT NULL,
    stock_before  INTEGER     NOT NULL,
    stock_after   INTEGER     NOT NULL,
    active_before BOOLEAN     NOT NULL,
    active_after  BOOLEAN     NOT NULL
);

CREATE INDEX catalogue_stock_change_item ON catalogue_stock_change (item_id, seq);

CREATE TRIGGER catalogue_stock_change_append_only
    BEFORE UPDATE OR DELETE ON catalogue_stock_change
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
