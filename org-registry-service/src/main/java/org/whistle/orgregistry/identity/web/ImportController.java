package org.whistle.orgregistry.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.orgregistry.identity.ImportingAccounts;

/** Bulk account imports: all or nothing, answering the counts or every bad entry. */
@RestController
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "imports")
class ImportController {

    private final ImportingAccounts importing;

    ImportController(ImportingAccounts importing) {
        this.importing = importing;
    }

    @PostMapping(path = "/api/org/imports/users", consumes = "text/csv")
    @Operation(summary = "Import users.csv (docs/org-data-formats.md)")
    ImportingAccounts.ImportedAccounts users(
            @RequestBody byte[] csv, @RequestParam(name = "file", defaultValue = "users.csv") String file) {
        return importing.importUsersCsv(file, new ByteArrayInputStream(csv));
    }

    @PostMapping(path = "/api/org/imports/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import accounts.json: users with posts, and clients (docs/org-data-formats.md)")
    ImportingAccounts.ImportedAccounts accounts(
            @RequestBody byte[] json, @RequestParam(name = "file", defaultValue = "accounts.json") String file) {
        return importing.importAccountsJson(file, new ByteArrayInputStream(json));
    }
}
