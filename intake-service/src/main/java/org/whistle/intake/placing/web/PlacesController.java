package org.whistle.intake.placing.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.intake.limits.RateLimits;
import org.whistle.intake.placing.ProposingGrids;
import org.whistle.intake.placing.ReverseLookups;
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
    private final ReverseLookups reverse;
    private final RateLimits limits;

    PlacesController(ProposingGrids proposing, ReverseLookups reverse, RateLimits limits) {
        this.proposing = proposing;
        this.reverse = reverse;
        this.limits = limits;
    }

    /**
     * {@code GET /api/whistles/address?lat&lng&crs}: the place at a point in words, for the raise page's pin; anyone,
     * limited per client address (the gateway's {@code X-Forwarded-For} where it is a trusted proxy).
     */
    @GetMapping("/address")
    ReverseLookups.Address address(
            @RequestParam double lat,
            @RequestParam double lng,
            @RequestParam(required = false) @Nullable String crs,
            HttpServletRequest request) {
        limits.takeReverseLookup(request.getRemoteAddr());
        return reverse.at(lat, lng, crs);
    }

    @GetMapping("/places")
    ProposingGrids.Proposals places(
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable Integer limit,
            @Nullable Caller caller) {
        return proposing.propose(address, limit, caller);
    }
}
