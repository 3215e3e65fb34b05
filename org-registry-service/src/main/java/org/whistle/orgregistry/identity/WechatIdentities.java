package org.whistle.orgregistry.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.orgregistry.identity.WechatApi.OpenIdentity;
import org.whistle.orgregistry.identity.domain.AccountId;

/** Which account a WeChat app's open id belongs to ({@code wechat_identity}, V5). */
@Component
class WechatIdentities {

    /** The kinds of app, as stored. */
    enum AppKind {
        OFFICIAL_ACCOUNT,
        MINI_PROGRAM
    }

    private final JdbcClient jdbc;

    WechatIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account this open id signed in as before, or that its union id (another app of the owner's) opened. */
    Optional<AccountId> accountOf(OpenIdentity identity) {
        var own = jdbc.sql("SELECT account_id FROM wechat_identity WHERE app_id = ? AND open_id = ?")
                .params(identity.appId(), identity.openId())
                .query(UUID.class)
                .optional();
        if (own.isPresent() || identity.unionId() == null) {
            return own.map(AccountId::new);
        }
        return jdbc.sql("SELECT account_id FROM wechat_identity WHERE union_id = ? ORDER BY created_at LIMIT 1")
                .param(identity.unionId())
                .query(UUID.class)
                .optional()
                .map(AccountId::new);
    }

    /** Records (or refreshes) the link; a union id WeChat gives later is kept. */
    void link(OpenIdentity identity, AppKind kind, AccountId account, Instant now) {
        jdbc.sql("""
                        INSERT INTO wechat_identity (app_id, open_id, union_id, app_kind, account_id, created_at,
                                                     last_seen_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (app_id, open_id) DO UPDATE
                            SET union_id = COALESCE(EXCLUDED.union_id, wechat_identity.union_id),
                                last_seen_at = EXCLUDED.last_seen_at
                        """)
                .params(
                        identity.appId(),
                        identity.openId(),
                        identity.unionId(),
                        kind.name(),
                        account.value(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    /**
     * The open id Whistle's messages reach the account on, for its tokens' {@code wechat_openid} claim: the official
     * account's (template messages) before a mini program's (subscription messages); a deployment sends through one of
     * them (notification-service's {@code wechat.account.message-api}).
     */
    Optional<String> messagingOpenId(AccountId account) {
        return jdbc.sql("""
                        SELECT open_id FROM wechat_identity WHERE account_id = ?
                        ORDER BY app_kind = 'OFFICIAL_ACCOUNT' DESC, last_seen_at DESC LIMIT 1
                        """).param(account.value()).query(String.class).optional();
    }
}
