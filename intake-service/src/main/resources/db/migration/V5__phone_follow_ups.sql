-- A follow-up (回访) answer a command centre took by phone and recorded on the reporter's behalf (电话回访): who
-- recorded it, as the whistle-feedback event names them. Null when the reporter answered themselves. The primary
-- key (whistle_id, resolution) already lets one answer count per round, whoever gives it.
ALTER TABLE whistle_feedback ADD COLUMN recorded_by_user varchar(128);
ALTER TABLE whistle_feedback ADD COLUMN recorded_by_unit varchar(64);
ALTER TABLE whistle_feedback ADD COLUMN recorded_by_role varchar(32);
