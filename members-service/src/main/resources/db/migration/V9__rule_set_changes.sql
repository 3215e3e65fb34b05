-- Every replacement of a city's points rules is kept (every state change audited): who changed them, when, and the
-- rules in force before and after. rule_set stays one row per city, what the ledger is read with; this is its
-- history, append-only like the ledger.
CREATE TABLE rule_set_change (
    seq          BIGSERIAL   PRIMARY KEY,
    city_id      TEXT        NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL,
    changed_by   TEXT        NOT NULL,
    changed_name TEXT        NOT NULL,
    -- the city's own rules before, as JSON; NULL when it had none and followed the default ('*')
    before       JSONB,
    after        JSONB       NOT NULL
);

CREATE INDEX rule_set_change_city ON rule_set_change (city_id, seq);

CREATE TRIGGER rule_set_change_append_only
    BEFORE UPDATE OR DELETE ON rule_set_change
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
