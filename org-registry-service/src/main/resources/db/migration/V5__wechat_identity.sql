-- Residents who sign in through WeChat (ADR 0046): which account an app's open id belongs to. An open id is per app
-- (the official account's differs from the mini program's); the union id, when WeChat gives one, is the same person
-- across the apps of one open-platform owner, so a second app finds the account the first one opened.
CREATE TABLE wechat_identity (
    app_id      varchar(32)  NOT NULL,
    open_id     varchar(64)  NOT NULL,
    union_id    varchar(64),
    -- The official account's web authorization (OFFICIAL_ACCOUNT) or a mini program's wx.login (MINI_PROGRAM).
    app_kind    varchar(20)  NOT NULL CHECK (app_kind IN ('OFFICIAL_ACCOUNT', 'MINI_PROGRAM')),
    account_id  uuid         NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at  timestamptz  NOT NULL,
    last_seen_at timestamptz NOT NULL,
    PRIMARY KEY (app_id, open_id)
);
CREATE INDEX wechat_identity_account ON wechat_identity (account_id);
CREATE INDEX wechat_identity_union ON wechat_identity (union_id) WHERE union_id IS NOT NULL;
