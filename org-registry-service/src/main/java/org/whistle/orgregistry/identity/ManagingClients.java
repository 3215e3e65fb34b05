package org.whistle.orgregistry.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.whistle.orgregistry.audit.AuditLog;
import org.whistle.orgregistry.identity.domain.ClientBinding;
import org.whistle.problems.ConflictException;
import org.whistle.problems.InvalidInputException;
import org.whistle.problems.NotFoundException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * Registers client-credentials clients for department systems and command-centre integrations, each bound to a
 * unit, a role and a scope. A generated secret is shown once and stored only as a hash.
 */
@Service
public class ManagingClients {

    static final String SUBJECT = "client";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RegisteredClientRepository clients;
    private final ClientBindings bindings;
    private final OrgReferences references;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    ManagingClients(
            JdbcRegisteredClients clients,
            ClientBindings bindings,
            OrgReferences references,
            PasswordEncoder passwords,
            AuditLog audit,
            Clock clock) {
        this.clients = clients.repository();
        this.bindings = bindings;
        this.references = references;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** A client as an administrator registers it: which unit, role and nodes it acts for. */
    public record NewClient(
            @Nullable String clientId,
            @Nullable String unit,
            @Nullable String role,
            @Nullable List<String> scope) {}

    /** The registered client's binding and its secret, which is never shown again. */
    public record IssuedClient(ClientBinding binding, String secret) {}

    @Transactional
    public IssuedClient register(NewClient request) {
        var problems = new ArrayList<Violation>();
        var known = references.known(
                request.scope() == null ? List.of() : request.scope(),
                request.unit() == null ? List.of() : List.of(request.unit()));
        var binding = AccountChecks.client(
                request.clientId(), request.unit(), request.role(), request.scope(), known, problems::add);
        if (binding == null) {
            throw new InvalidInputException(problems);
        }
        if (clients.findByClientId(binding.clientId()) != null) {
            throw new ConflictException(Phrase.of("orgregistry.refusal.clientExists"));
        }
        var secret = newSecret();
        store(binding, secret);
        return new IssuedClient(binding, secret);
    }

    public List<ClientBinding> list() {
        return bindings.list();
    }

    @Transactional
    public ClientBinding disable(String clientId) {
        var before = bindings.find(clientId).orElseThrow(() -> new NotFoundException(SUBJECT, clientId));
        var after = before.disable();
        bindings.save(after, clock.instant());
        audit.record("client.disabled", SUBJECT, clientId, before, after);
        return after;
    }

    /**
     * Creates or replaces a client and its binding; a null secret keeps the stored one. Callers hold a transaction.
     */
    void store(ClientBinding binding, @Nullable String secret) {
        var existing = clients.findByClientId(binding.clientId());
        var before = bindings.find(binding.clientId()).orElse(null);
        if (binding.equals(before) && secret == null) {
            return;
        }
        var hash = secret != null ? passwords.encode(secret) : existing == null ? null : existing.getClientSecret();
        if (hash == null) {
            throw new IllegalStateException("a new client needs a secret");
        }
        clients.save(
                clientCredentials(existing == null ? UUID.randomUUID().toString() : existing.getId(), binding, hash));
        bindings.save(binding, clock.instant());
        audit.record(
                before == null ? "client.created" : "client.updated", SUBJECT, binding.clientId(), before, binding);
    }

    /** Whether {@code secret} is the one stored for the client, so a re-import leaves the hash alone. */
    boolean hasSecret(String clientId, String secret) {
        var existing = clients.findByClientId(clientId);
        return existing != null
                && existing.getClientSecret() != null
                && passwords.matches(secret, existing.getClientSecret());
    }

    private static RegisteredClient clientCredentials(String id, ClientBinding binding, String secretHash) {
        return RegisteredClient.withId(id)
                .clientId(binding.clientId())
                .clientName(binding.clientId())
                .clientSecret(secretHash)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().build())
                .build();
    }

    private static String newSecret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
