package org.whistle.orgregistry.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.orgregistry.audit.AuditLog;
import org.whistle.orgregistry.identity.WechatApi.OpenIdentity;
import org.whistle.orgregistry.identity.WechatIdentities.AppKind;
import org.whistle.orgregistry.identity.domain.Account;
import org.whistle.orgregistry.identity.domain.AccountId;
import org.whistle.orgregistry.identity.domain.LoginCheck;
import org.whistle.orgregistry.identity.domain.Profile;
import org.whistle.security.Role;
import org.whistle.security.personaldata.AccessDecision.Accessor;
import org.whistle.security.personaldata.AccessDecisions;

/**
 * Finds or opens the resident account of a WeChat identity WeChat itself vouched for (never an open id a caller
 * names): by the app's open id, else by the union id another app of the same owner linked. A new account is a
 * {@code RESIDENT} named 微信用户 with a password nobody knows, so it signs in through WeChat only; its opening is
 * audited, and every sign-in and refusal is a line in the {@code whistle.access} log without the open id.
 */
final class WechatSignIn {

    static final String DISPLAY_NAME = "微信用户";

    private final Accounts accounts;
    private final WechatIdentities identities;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final AccessDecisions decisions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WechatSignIn(
            Accounts accounts,
            WechatIdentities identities,
            PasswordEncoder passwords,
            TransactionTemplate transactions,
            AuditLog audit,
            AccessDecisions decisions,
            Clock clock) {
        this.accounts = accounts;
        this.identities = identities;
        this.passwords = passwords;
        this.transactions = transactions;
        this.audit = audit;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** The account to sign in as; refused when it is disabled or locked. */
    Account signIn(OpenIdentity identity, AppKind kind, String address) {
        var pending = decisions
                .about("sign-in", "wechat:" + kind.name(), "sign-in")
                .by(new Accessor("address:" + address, List.of(), null));
        Account account;
        try {
            account = transactions.execute(status -> findOrOpen(identity, kind));
        } catch (DuplicateKeyException e) {
            // Two first sign-ins of one person at once: the other opened the account.
            account = transactions.execute(status -> findOrOpen(identity, kind));
        }
        if (account.checkLogin(clock.instant()) instanceof LoginCheck.Rejected rejected) {
            pending.denied("wechat-account-" + rejected.reason().name().toLowerCase(java.util.Locale.ROOT));
            throw new WechatSignInRefused(WechatSignInRefused.Reason.ACCOUNT_DISABLED);
        }
        pending.allowed("wechat");
        return account;
    }

    private Account findOrOpen(OpenIdentity identity, AppKind kind) {
        var now = clock.instant();
        var known = identities.accountOf(identity).flatMap(id -> accounts.findById(id));
        var account = known.orElseGet(() -> {
            var opened = Account.open(
                    AccountId.random(),
                    username(identity),
                    new Profile(DISPLAY_NAME, null, List.of(Role.RESIDENT), List.of(), null, List.of()));
            // A password nobody knows: the account signs in through WeChat only. Hashed only when an account opens.
            accounts.insert(opened, passwords.encode(Base64.getEncoder().encodeToString(randomBytes())), now);
            audit.record("account.created-through-wechat", ManagingAccounts.SUBJECT, opened.username(), null, opened);
            return opened;
        });
        identities.link(identity, kind, account.id(), now);
        return account;
    }

    /** Stable per app and open id, so a repeated first sign-in collides instead of opening a second account. */
    static String username(OpenIdentity identity) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((identity.appId() + ":" + identity.openId()).getBytes(StandardCharsets.UTF_8));
            return "wx." + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private byte[] randomBytes() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }
}
