-- Working-hour calendars (ADR 0016): the weekly rule, the working periods of a day, and the official schedule's
-- dated exceptions, imported a year at a time.
CREATE TABLE work_calendar (
    calendar_id    varchar(64)  PRIMARY KEY,
    name           varchar(100) NOT NULL,
    time_zone      varchar(64)  NOT NULL,
    -- ISO day-of-week names, e.g. {MONDAY,TUESDAY,...}.
    working_days   varchar(9)[] NOT NULL,
    -- Local periods 'HH:MM-HH:MM', in order.
    working_hours  varchar(11)[] NOT NULL,
    -- The years whose official schedules are loaded.
    years          integer[]    NOT NULL,
    active         boolean      NOT NULL,
    revision       bigint       NOT NULL,
    updated_at     timestamptz  NOT NULL
);

CREATE TABLE work_calendar_day (
    calendar_id  varchar(64)  NOT NULL REFERENCES work_calendar (calendar_id),
    day          date         NOT NULL,
    kind         varchar(8)   NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name         varchar(50),
    PRIMARY KEY (calendar_id, day)
);
