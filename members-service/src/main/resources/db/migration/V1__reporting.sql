-- 报到: workplace organisations reporting as a whole, members reporting to the compound they live in, and the
-- membership's history (report-in, confirmation, transfer), which is append-only like dispatch's timeline.

CREATE TABLE workplace_org (
    id              TEXT        PRIMARY KEY,
    name            TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- the compound or community it reports to as a whole (整建制报到)
    reports_to      TEXT        NOT NULL,
    -- the account of its contact, who sees its members' figures (never their addresses)
    contact_subject TEXT        NOT NULL,
    contact_name    TEXT        NOT NULL,
    contact_phone   TEXT        NOT NULL,
    first_secretary TEXT,
    reported_at     TIMESTAMPTZ NOT NULL,
    recorded_by     TEXT        NOT NULL
);

CREATE INDEX workplace_org_contact ON workplace_org (contact_subject);

CREATE TABLE membership (
    id           UUID        PRIMARY KEY,
    -- the account (token subject) of the member: one membership per person
    subject      TEXT        NOT NULL UNIQUE,
    name         TEXT        NOT NULL,
    phone        TEXT        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('IN_SERVICE', 'COMMUNITY', 'VOLUNTEER')),
    member_type  TEXT        NOT NULL CHECK (member_type IN ('BACKBONE', 'ORDINARY', 'MOBILE', 'SPECIAL')),
    workplace_id TEXT        REFERENCES workplace_org (id),
    skills       TEXT[]      NOT NULL,
    teams        TEXT[]      NOT NULL,
    availability TEXT        NOT NULL,
    address      TEXT        NOT NULL,
    compound_id  TEXT        NOT NULL,
    state        TEXT        NOT NULL CHECK (state IN ('PENDING', 'CONFIRMED', 'DECLINED')),
    grid_id      TEXT,
    building_id  TEXT,
    reported_at  TIMESTAMPTZ NOT NULL,
    confirmed_at TIMESTAMPTZ,
    revision     BIGINT      NOT NULL
);

CREATE INDEX membership_compound ON membership (compound_id, state);
CREATE INDEX membership_workplace ON membership (workplace_id);

CREATE TABLE membership_history (
    membership_id UUID        NOT NULL REFERENCES membership (id),
    seq           INT         NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    action        TEXT        NOT NULL,
    actor         TEXT        NOT NULL,
    actor_name    TEXT        NOT NULL,
    compound_id   TEXT        NOT NULL,
    grid_id       TEXT,
    building_id   TEXT,
    note          TEXT,
    PRIMARY KEY (membership_id, seq)
);

-- History is evidence: written once, never changed, as dispatch's timeline.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;

CREATE TRIGGER membership_history_append_only
    BEFORE UPDATE OR DELETE ON membership_history
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
