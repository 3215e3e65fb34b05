-- The rules' revision: one row, bumped by any change to notification_rule, so every instance can keep the rules in
-- memory and reload them only when this number moved (read once per consumed batch instead of the rules per event).
CREATE TABLE notification_rule_revision (
    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    revision BIGINT NOT NULL
);

INSERT INTO notification_rule_revision (only_row, revision) VALUES (TRUE, 1);

CREATE FUNCTION notification_rule_changed() RETURNS trigger AS $$
BEGIN
    UPDATE notification_rule_revision SET revision = revision + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER notification_rule_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON notification_rule
    FOR EACH STATEMENT EXECUTE FUNCTION notification_rule_changed();
