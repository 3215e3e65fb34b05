package org.whistle.orgregistry.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.orgregistry.identity.ManagingClients;
import org.whistle.orgregistry.identity.domain.ClientBinding;

/** Client-credentials clients of department systems and integrations, for administrators. */
@RestController
@RequestMapping("/api/org/clients")
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "clients", description = "OAuth2 client-credentials clients bound to a unit, a role and a scope")
class ClientController {

    private final ManagingClients clients;

    ClientController(ManagingClients clients) {
        this.clients = clients;
    }

    record ClientView(String clientId, String unit, String role, List<String> scope, boolean enabled) {

        static ClientView of(ClientBinding binding) {
            return new ClientView(
                    binding.clientId(), binding.unit(), binding.role().name(), binding.scope(), binding.enabled());
        }
    }

    /** The registered client with its secret: shown this once, stored only as a hash. */
    record IssuedClientView(ClientView client, String secret) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a client; the answer holds its secret, which cannot be read again")
    IssuedClientView register(@RequestBody ManagingClients.NewClient request) {
        var issued = clients.register(request);
        return new IssuedClientView(ClientView.of(issued.binding()), issued.secret());
    }

    @GetMapping
    @Operation(summary = "Registered client-credentials clients")
    List<ClientView> list() {
        return clients.list().stream().map(ClientView::of).toList();
    }

    @PostMapping("/{clientId}/disable")
    @Operation(summary = "Stop the client from obtaining tokens")
    ClientView disable(@PathVariable String clientId) {
        return ClientView.of(clients.disable(clientId));
    }
}
