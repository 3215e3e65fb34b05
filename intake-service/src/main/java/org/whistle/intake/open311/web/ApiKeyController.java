package org.whistle.intake.open311.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.intake.open311.ApiKeys;
import org.whistle.security.Caller;

/**
 * Administrators issue, list and revoke the API keys of the systems that post through Open311. The key is in the
 * answer to its creation and nowhere else; the list shows its first characters, who issued it and its last use.
 */
@RestController
@RequestMapping("/api/open311/keys")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    /** @param client the client system the key is for, e.g. 市12345热线平台 */
    record IssueKey(@Nullable String client) {}

    @PostMapping
    ResponseEntity<ApiKeys.Issued> issue(@RequestBody IssueKey body, Caller caller) {
        var issued = keys.issue(body.client(), caller);
        return ResponseEntity.created(URI.create("/api/open311/keys/" + issued.id()))
                .header("Cache-Control", "no-store")
                .body(issued);
    }

    @GetMapping
    List<ApiKeys.Listed> list() {
        return keys.list();
    }

    @PostMapping("/{id}/revoke")
    ApiKeys.Listed revoke(@PathVariable UUID id, Caller caller) {
        return keys.revoke(id, caller);
    }
}
