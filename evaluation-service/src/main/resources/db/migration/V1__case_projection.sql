-- evaluation-service owns this database. Everything here is derived from the event streams (whistle-*, org-*):
-- case_fact keeps what each event said about a case (without personal data), eval_case and eval_case_unit are
-- folded from a case's facts alone, so a replay into a fresh database gives the same rows (ADR 0024).

-- The organisation as the org-units topic describes it; the newest revision of a unit wins whatever the order.
CREATE TABLE org_unit (
    unit_id       TEXT PRIMARY KEY,
    code          TEXT NOT NULL,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    parent_id     TEXT,
    ancestry      TEXT[] NOT NULL,
    command_level TEXT,
    area_id       TEXT,
    active        BOOLEAN NOT NULL,
    revision      BIGINT NOT NULL
);
CREATE INDEX org_unit_kind ON org_unit (kind);
CREATE INDEX org_unit_ancestry ON org_unit USING GIN (ancestry);

-- Categories for names in drill-downs; newest revision wins.
CREATE TABLE org_category (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    parent_code TEXT,
    revision    BIGINT NOT NULL
);

-- One row per event about a case: the facts the fold needs, as JSON (no descriptions, no phones, no codes).
CREATE TABLE case_fact (
    event_id   UUID PRIMARY KEY,
    whistle_id UUID NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    revision   BIGINT NOT NULL,
    fact       JSONB NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX case_fact_whistle ON case_fact (whistle_id);

-- A case (ticket) as its facts describe it. count_date is the Asia/Shanghai date the case counts for: the date its
-- handling clock fell due (应处置), else its filing clock, else the date it was raised.
CREATE TABLE eval_case (
    whistle_id          UUID PRIMARY KEY,
    ticket_id           UUID,
    ticket_number       TEXT,
    category_code       TEXT,
    grid_id             TEXT,
    street_id           TEXT,
    area_id             TEXT,
    owning_centre_id    TEXT,
    level               TEXT,
    state               TEXT,
    reporter_role       TEXT,
    raised_at           TIMESTAMPTZ,
    filed_at            TIMESTAMPTZ,
    file_due_at         TIMESTAMPTZ,
    file_late           BOOLEAN NOT NULL,
    dispatched_at       TIMESTAMPTZ,
    returned            BOOLEAN NOT NULL,
    transferred         BOOLEAN NOT NULL,
    lead_unit_id        TEXT,
    handled_at          TIMESTAMPTZ,
    handle_due_at       TIMESTAMPTZ,
    due_source          TEXT NOT NULL,
    resolve_expired_at  TIMESTAMPTZ,
    handled_late        BOOLEAN NOT NULL,
    deciding_clock_id   TEXT,
    closed_at           TIMESTAMPTZ,
    outcome             TEXT,
    closed_on_time      BOOLEAN NOT NULL,
    reworked            INTEGER NOT NULL,
    extended            INTEGER NOT NULL,
    supervised          INTEGER NOT NULL,
    self_handled        BOOLEAN NOT NULL,
    signed_for          BOOLEAN NOT NULL,
    contacted_at        TIMESTAMPTZ,
    responded_on_time   BOOLEAN NOT NULL,
    followed_up         BOOLEAN NOT NULL,
    answer_resolved     BOOLEAN NOT NULL,
    answer_rating       TEXT,
    answer_by_phone     BOOLEAN NOT NULL,
    answer_round        INTEGER,
    answers_ignored     INTEGER NOT NULL,
    exempt_reason       TEXT,
    count_date          DATE NOT NULL,
    facts               INTEGER NOT NULL
);
CREATE INDEX eval_case_count_date ON eval_case (count_date);
CREATE INDEX eval_case_area ON eval_case (area_id, count_date);
CREATE INDEX eval_case_lead ON eval_case (lead_unit_id, count_date);

-- Each unit summoned to a case (派哨), for 报到率 and the unit's own figures; counts by its report-in due date.
CREATE TABLE eval_case_unit (
    whistle_id        UUID NOT NULL REFERENCES eval_case (whistle_id) ON DELETE CASCADE,
    unit_id           TEXT NOT NULL,
    lead              BOOLEAN NOT NULL,
    summoned_at       TIMESTAMPTZ NOT NULL,
    report_in_due_at  TIMESTAMPTZ NOT NULL,
    due_source        TEXT NOT NULL,
    reported_in_at    TIMESTAMPTZ,
    report_in_late    BOOLEAN NOT NULL,
    on_site_at        TIMESTAMPTZ,
    done_at           TIMESTAMPTZ,
    declined_at       TIMESTAMPTZ,
    count_date        DATE NOT NULL,
    PRIMARY KEY (whistle_id, unit_id)
);
CREATE INDEX eval_case_unit_unit ON eval_case_unit (unit_id, count_date);
