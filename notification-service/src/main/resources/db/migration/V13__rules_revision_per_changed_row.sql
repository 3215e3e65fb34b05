-- V8 bumped the rules' revision once per statement, so a statement that changed no rule (an update or delete of an
-- id that does not exist, as a refused request runs) moved it too: every instance re-read its rules for nothing, and
-- a refused request changed stored state. Bump per changed row instead; TRUNCATE has only a statement trigger.
DROP TRIGGER notification_rule_changed ON notification_rule;

CREATE TRIGGER notification_rule_row_changed
    AFTER INSERT OR UPDATE OR DELETE ON notification_rule
    FOR EACH ROW EXECUTE FUNCTION notification_rule_changed();

CREATE TRIGGER notification_rule_truncated
    AFTER TRUNCATE ON notification_rule
    FOR EACH STATEMENT EXECUTE FUNCTION notification_rule_changed();
