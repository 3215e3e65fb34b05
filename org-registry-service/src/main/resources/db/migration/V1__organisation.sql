-- The administrative tree (city … entrance), grid boundaries, party organisations overlaying the tree, and the
-- handling units responsible for parts of it. Codes are the stable identifiers other services keep.

CREATE TABLE org_node (
    code         varchar(32)  PRIMARY KEY,
    kind         varchar(16)  NOT NULL
        CHECK (kind IN ('CITY', 'DISTRICT', 'STREET', 'COMMUNITY', 'COMPOUND', 'GRID', 'BUILDING', 'ENTRANCE')),
    name         varchar(100) NOT NULL,
    name_en      varchar(200),
    parent_code  varchar(32)  REFERENCES org_node (code),
    -- '/230200/230202/230202001/': every ancestor's code, so a subtree is one indexed prefix scan.
    path         text         NOT NULL UNIQUE,
    valid_from   date         NOT NULL,
    valid_to     date,
    revision     bigint       NOT NULL DEFAULT 1,
    updated_at   timestamptz  NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CHECK ((kind = 'CITY') = (parent_code IS NULL))
);
CREATE INDEX org_node_path ON org_node (path text_pattern_ops);
CREATE INDEX org_node_parent ON org_node (parent_code);

CREATE TABLE grid_boundary (
    grid_code    varchar(32) PRIMARY KEY REFERENCES org_node (code),
    -- A GeoJSON Polygon or MultiPolygon geometry in WGS-84, validated on the way in.
    geometry     jsonb       NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE party_org (
    code         varchar(32)  PRIMARY KEY,
    kind         varchar(32)  NOT NULL
        CHECK (kind IN ('COMPOUND_PARTY_ORG', 'GRID_PARTY_BRANCH', 'PARTY_MEMBER_HOUSEHOLD')),
    name         varchar(100) NOT NULL,
    node_code    varchar(32)  NOT NULL REFERENCES org_node (code),
    parent_code  varchar(32)  REFERENCES party_org (code),
    updated_at   timestamptz  NOT NULL
);
CREATE INDEX party_org_node ON party_org (node_code);

CREATE TABLE handling_unit (
    code              varchar(48)  PRIMARY KEY,
    kind              varchar(24)  NOT NULL
        CHECK (kind IN ('COMMAND_CENTRE', 'DEPARTMENT', 'SECTION', 'STREET_OFFICE', 'COMMUNITY_COMMITTEE',
                        'PROPERTY_COMPANY', 'OWNERS_COMMITTEE', 'UTILITY', 'FIRE_BRIGADE')),
    name              varchar(100) NOT NULL,
    name_en           varchar(200),
    parent_unit_code  varchar(48)  REFERENCES handling_unit (code),
    area_code         varchar(32)  NOT NULL REFERENCES org_node (code),
    duty_name         varchar(50),
    duty_phone        varchar(20),
    valid_from        date         NOT NULL,
    valid_to          date,
    revision          bigint       NOT NULL DEFAULT 1,
    updated_at        timestamptz  NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX handling_unit_area ON handling_unit (area_code);

-- Every change to reference data and accounts: who, when, what, before and after.
CREATE TABLE audit_entry (
    id            bigserial    PRIMARY KEY,
    at            timestamptz  NOT NULL,
    actor         varchar(100) NOT NULL,
    action        varchar(40)  NOT NULL,
    subject_type  varchar(40)  NOT NULL,
    subject_id    varchar(100) NOT NULL,
    before_state  jsonb,
    after_state   jsonb
);
CREATE INDEX audit_entry_subject ON audit_entry (subject_type, subject_id, at);

-- Marks that the full reference snapshot was published once (first start), so restarts publish only changes.
CREATE TABLE publication_marker (
    name          varchar(40) PRIMARY KEY,
    published_at  timestamptz NOT NULL
);

-- The key that signs tokens when none is configured: generated once and shared by every replica, so tokens stay
-- valid across restarts. Production configures its own key (WHISTLE_IDENTITY_SIGNING_KEY) instead.
CREATE TABLE signing_key (
    key_id      varchar(64) PRIMARY KEY,
    jwk         text        NOT NULL,
    created_at  timestamptz NOT NULL
);
