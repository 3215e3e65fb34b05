package org.whistle.intake.following.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.whistle.events.EvidenceRef;
import org.whistle.intake.evidence.Upload;
import org.whistle.intake.following.KeepingHandlingEvidence;
import org.whistle.problems.NotFoundException;
import org.whistle.security.Caller;

/**
 * {@code POST /api/whistles/{id}/handling-evidence}: a unit's (or dispatcher's) photos of the handling, answered as
 * the references dispatch's progress and done actions take ({@code evidence: [{mediaId, contentType, sha256}]}).
 */
@RestController
@RequestMapping("/api/whistles")
class HandlingEvidenceController {

    private final KeepingHandlingEvidence keeping;

    HandlingEvidenceController(KeepingHandlingEvidence keeping) {
        this.keeping = keeping;
    }

    @PostMapping(path = "/{id}/handling-evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, List<EvidenceRef>>> keep(
            @PathVariable String id,
            @RequestPart(name = "evidence", required = false) @Nullable List<MultipartFile> files,
            @Nullable Caller caller) {
        UUID whistleId;
        try {
            whistleId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("whistle", id);
        }
        var uploads = files == null
                ? List.<Upload>of()
                : files.stream().map(Upload::of).toList();
        var refs = keeping.keep(whistleId, uploads, caller);
        return ResponseEntity.created(URI.create("/api/whistles/" + whistleId)).body(Map.of("evidence", refs));
    }
}
