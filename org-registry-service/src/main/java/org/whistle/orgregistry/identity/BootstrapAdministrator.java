package org.whistle.orgregistry.identity;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.orgregistry.identity.domain.AccountRules;
import org.whistle.orgregistry.identity.domain.Profile;
import org.whistle.security.Role;

/**
 * Opens the first administrator, {@code admin}, with {@code whistle.identity.bootstrap-admin.password}, while no
 * enabled administrator exists; someone has to be able to log in and open the other accounts. Audited as
 * {@code system}.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final Accounts accounts;
    private final ManagingAccounts managing;
    private final IdentityProperties properties;
    private final TransactionTemplate transactions;

    BootstrapAdministrator(
            Accounts accounts,
            ManagingAccounts managing,
            IdentityProperties properties,
            TransactionTemplate transactions) {
        this.accounts = accounts;
        this.managing = managing;
        this.properties = properties;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        var password = properties.bootstrapAdmin().password();
        if (password == null || password.isEmpty()) {
            return;
        }
        AccountRules.password(password).ifPresent(problem -> {
            throw new IllegalStateException("whistle.identity.bootstrap-admin.password " + problem);
        });
        transactions.executeWithoutResult(status -> {
            if (accounts.anyEnabledAdministrator()) {
                return;
            }
            var profile = new Profile("系统管理员", null, List.of(Role.ADMINISTRATOR), List.of(), null, List.of());
            var existing = accounts.find(USERNAME);
            if (existing.isPresent()) {
                managing.reconcile(
                        existing.get(), existing.get().enable().unlock().withProfile(profile), password);
            } else {
                managing.create(USERNAME, password, profile);
            }
            log.warn("Opened the bootstrap administrator '{}'; change its password and unset the property", USERNAME);
        });
    }
}
