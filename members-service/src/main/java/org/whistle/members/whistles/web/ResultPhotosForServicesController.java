package org.whistle.members.whistles.web;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.members.whistles.ResultPhotos;
import org.whistle.problems.NotFoundException;

/**
 * How intake opens the members' photos that answered a whistle ({@code members-photo:<id>} in the whistle's result):
 * Whistle services holding the {@code SERVICE} role only, on an {@code /internal} path the gateway does not route.
 * The bytes are as the member's phone took them; intake strips their location before anyone sees them (ADR 0051).
 */
@RestController
class ResultPhotosForServicesController {

    private final ResultPhotos photos;

    ResultPhotosForServicesController(ResultPhotos photos) {
        this.photos = photos;
    }

    @GetMapping("/internal/whistles/{whistleId}/result-photos/{photoId}")
    @PreAuthorize("hasRole('SERVICE')")
    ResponseEntity<byte[]> resultPhoto(@PathVariable UUID whistleId, @PathVariable UUID photoId) {
        var photo = photos.of(whistleId, photoId).orElseThrow(() -> new NotFoundException("photo", photoId.toString()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.bytes());
    }
}
