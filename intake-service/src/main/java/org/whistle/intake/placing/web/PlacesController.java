package org.whistle.intake.placing.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.intake.placing.ProposingGrids;
import org.whistle.security.Caller;

/**
 * {@code GET /api/whistles/places?address=…&limit=…}: the grids proposed for an address a caller gives on the phone,
 * best first, each with why; for command centres' dispatchers, who then raise the {@code HOTLINE} whistle with the
 * grid they confirm ({@code location.gridId}).
 */
@RestController
@RequestMapping("/api/whistles")
class PlacesController {

    private final ProposingGrids proposing;

    PlacesController(ProposingGrids proposing) {
        this.proposing = proposing;
    }

    @GetMapping("/places")
    ProposingGrids.Proposals places(
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable Integer limit,
            @Nullable Caller caller) {
        return proposing.propose(address, limit, caller);
    }
}
