-- Identity: people's accounts with their roles, org scope and posts; the bindings that give OAuth2 clients
-- (department systems, command-centre integrations) a unit, a role and a scope; and Spring Authorization Server's
-- own tables, copied from its schema files with blob -> text and timestamp -> timestamptz for PostgreSQL.

CREATE TABLE account (
    id                uuid         PRIMARY KEY,
    username          varchar(64)  NOT NULL UNIQUE,
    -- A delegating-encoder hash such as '{bcrypt}$2a$10$…'; never the password.
    password_hash     varchar(200) NOT NULL,
    display_name      varchar(100) NOT NULL,
    phone             varchar(11),
    roles             text[]       NOT NULL CHECK (cardinality(roles) > 0),
    unit_code         varchar(48)  REFERENCES handling_unit (code),
    enabled           boolean      NOT NULL DEFAULT true,
    -- Locked by an administrator until one unlocks it, unlike the timed lockout after failed logins.
    locked            boolean      NOT NULL DEFAULT false,
    failed_attempts   integer      NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until      timestamptz,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    CHECK (phone IS NULL OR phone ~ '^1[3-9][0-9]{9}$')
);
CREATE INDEX account_roles ON account USING gin (roles);

-- The nodes an account acts for; access covers their subtrees.
CREATE TABLE account_scope (
    account_id  uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    node_code   varchar(32) NOT NULL REFERENCES org_node (code),
    PRIMARY KEY (account_id, node_code)
);
CREATE INDEX account_scope_node ON account_scope (node_code);

-- Posts a person holds, each on a node; one person may hold several (一肩三挑).
CREATE TABLE account_post (
    account_id  uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    post        varchar(40) NOT NULL
        CHECK (post IN ('GRID_LEADER', 'GRID_WORKER', 'COMPOUND_PARTY_SECRETARY', 'OWNERS_COMMITTEE_PARTY_SECRETARY',
                        'OWNERS_COMMITTEE_CHAIR', 'PARTY_MEMBER_HOUSEHOLD_HEAD', 'COMMUNITY_SECRETARY')),
    node_code   varchar(32) NOT NULL REFERENCES org_node (code),
    PRIMARY KEY (account_id, post, node_code)
);
CREATE INDEX account_post_node ON account_post (node_code);

CREATE TABLE oauth2_registered_client (
    id                             varchar(100)  NOT NULL,
    client_id                      varchar(100)  NOT NULL UNIQUE,
    client_id_issued_at            timestamptz   DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret                  varchar(200)  DEFAULT NULL,
    client_secret_expires_at       timestamptz   DEFAULT NULL,
    client_name                    varchar(200)  NOT NULL,
    client_authentication_methods  varchar(1000) NOT NULL,
    authorization_grant_types      varchar(1000) NOT NULL,
    redirect_uris                  varchar(1000) DEFAULT NULL,
    post_logout_redirect_uris      varchar(1000) DEFAULT NULL,
    scopes                         varchar(1000) NOT NULL,
    client_settings                varchar(2000) NOT NULL,
    token_settings                 varchar(2000) NOT NULL,
    PRIMARY KEY (id)
);

-- What a client-credentials client acts as: the claims its tokens carry. Disabled clients cannot authenticate.
CREATE TABLE client_binding (
    client_id   varchar(100) PRIMARY KEY REFERENCES oauth2_registered_client (client_id) ON DELETE CASCADE,
    unit_code   varchar(48)  NOT NULL REFERENCES handling_unit (code),
    role        varchar(32)  NOT NULL,
    enabled     boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);

CREATE TABLE client_binding_scope (
    client_id  varchar(100) NOT NULL REFERENCES client_binding (client_id) ON DELETE CASCADE,
    node_code  varchar(32)  NOT NULL REFERENCES org_node (code),
    PRIMARY KEY (client_id, node_code)
);

CREATE TABLE oauth2_authorization (
    id                             varchar(100)  NOT NULL,
    registered_client_id           varchar(100)  NOT NULL,
    principal_name                 varchar(200)  NOT NULL,
    authorization_grant_type       varchar(100)  NOT NULL,
    authorized_scopes              varchar(1000) DEFAULT NULL,
    attributes                     text          DEFAULT NULL,
    state                          varchar(500)  DEFAULT NULL,
    authorization_code_value       text          DEFAULT NULL,
    authorization_code_issued_at   timestamptz   DEFAULT NULL,
    authorization_code_expires_at  timestamptz   DEFAULT NULL,
    authorization_code_metadata    text          DEFAULT NULL,
    access_token_value             text          DEFAULT NULL,
    access_token_issued_at         timestamptz   DEFAULT NULL,
    access_token_expires_at        timestamptz   DEFAULT NULL,
    access_token_metadata          text          DEFAULT NULL,
    access_token_type              varchar(100)  DEFAULT NULL,
    access_token_scopes            varchar(1000) DEFAULT NULL,
    oidc_id_token_value            text          DEFAULT NULL,
    oidc_id_token_issued_at        timestamptz   DEFAULT NULL,
    oidc_id_token_expires_at       timestamptz   DEFAULT NULL,
    oidc_id_token_metadata         text          DEFAULT NULL,
    refresh_token_value            text          DEFAULT NULL,
    refresh_token_issued_at        timestamptz   DEFAULT NULL,
    refresh_token_expires_at       timestamptz   DEFAULT NULL,
    refresh_token_metadata         text          DEFAULT NULL,
    user_code_value                text          DEFAULT NULL,
    user_code_issued_at            timestamptz   DEFAULT NULL,
    user_code_expires_at           timestamptz   DEFAULT NULL,
    user_code_metadata             text          DEFAULT NULL,
    device_code_value              text          DEFAULT NULL,
    device_code_issued_at          timestamptz   DEFAULT NULL,
    device_code_expires_at         timestamptz   DEFAULT NULL,
    device_code_metadata           text          DEFAULT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id  varchar(100)  NOT NULL,
    principal_name        varchar(200)  NOT NULL,
    authorities           varchar(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);
