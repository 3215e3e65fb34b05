-- Staff signing in through the city's identity platform (upstream OpenID Connect, ADR 0047): which upstream identity
-- (its issuer and subject, the pair OIDC says is stable and unique) signs in which pre-registered account. The first
-- sign-in links by a configured claim; later ones go by this row only. One upstream identity per account and one
-- account per upstream identity. Nothing else of the upstream's tokens is kept.
CREATE TABLE account_upstream_link (
    account_id  uuid         PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    issuer      varchar(500) NOT NULL,
    subject     varchar(255) NOT NULL,
    linked_at   timestamptz  NOT NULL,
    UNIQUE (issuer, subject)
);
