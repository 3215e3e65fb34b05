-- Who must reach the reporter (service-security's ContactDisclosurePolicy), kept from dispatch's lifecycle events
-- under the same revision rule as the status: the command centre owning the ticket now and its level, and each
-- summoned unit's task state ({"QQ-230225-ZJJ-LZG": "REPORTED_IN"}). Null and empty until the whistle is filed.
ALTER TABLE whistle ADD COLUMN owning_centre varchar(64);
ALTER TABLE whistle ADD COLUMN owning_level  varchar(16);
ALTER TABLE whistle ADD COLUMN unit_tasks    jsonb NOT NULL DEFAULT '{}';
