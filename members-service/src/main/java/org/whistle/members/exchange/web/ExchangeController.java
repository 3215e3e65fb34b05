package org.whistle.members.exchange.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.members.Input;
import org.whistle.members.exchange.Redeeming;
import org.whistle.members.reporting.ReportingIn;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.PersonalData;

/** 积分超市 over HTTP: the catalogue of the member's compound, redeeming, and the community's hand-over list. */
@RestController
@RequestMapping("/api/members/exchange")
class ExchangeController {

    private final Redeeming redeeming;
    private final ReportingIn reporting;

    ExchangeController(Redeeming redeeming, ReportingIn reporting) {
        this.redeeming = redeeming;
        this.reporting = reporting;
    }

    record ItemRequest(
            @Nullable String compoundId,
            @Nullable String name,
            @Nullable String description,
            @Nullable String merchant,
            @Nullable Integer points,
            @Nullable Integer stock,
            @Nullable Boolean active) {}

    record RedemptionView(
            UUID id,
            String memberName,
            String itemName,
            int points,
            String state,
            String stateLabel,
            Instant requestedAt,
            @Nullable Instant handedOverAt,
            @Nullable String handedOverBy) {

        static RedemptionView of(Redeeming.Redemption r, boolean maskName) {
            return new RedemptionView(
                    r.id(),
                    maskName ? PersonalData.name(r.memberName()) : r.memberName(),
                    r.itemName(),
                    r.points(),
                    r.state().name(),
                    r.state().label(),
                    r.requestedAt(),
                    r.handedOverAt(),
                    r.handedOverBy());
        }
    }

    @PostMapping("/items")
    @ResponseStatus(HttpStatus.CREATED)
    Redeeming.Item addItem(Caller caller, @RequestBody ItemRequest request) {
        return redeeming.addItem(
                caller,
                Input.required("compoundId", request.compoundId(), Input.CODE),
                Input.required("name", request.name(), Input.NAME),
                Input.required("description", request.description(), Input.TEXT),
                Input.optional("merchant", request.merchant(), Input.NAME),
                Input.range("points", request.points(), 1, 10_000),
                Input.range("stock", request.stock(), 0, 100_000));
    }

    @PostMapping("/items/{id}/stock")
    Redeeming.Item restock(Caller caller, @PathVariable UUID id, @RequestBody ItemRequest request) {
        return redeeming.restock(
                caller, id, Input.range("stock", request.stock(), 0, 100_000), !Boolean.FALSE.equals(request.active()));
    }

    /** The catalogue of a compound, by default the caller's own. */
    @GetMapping("/items")
    List<Redeeming.Item> catalogue(Caller caller, @RequestParam(required = false) @Nullable String compoundId) {
        var compound = Input.optional("compoundId", compoundId, Input.CODE);
        if (compound == null) {
            compound = reporting.mine(caller).compoundId();
        }
        return redeeming.catalogue(compound);
    }

    @PostMapping("/items/{id}/redeem")
    @ResponseStatus(HttpStatus.CREATED)
    RedemptionView redeem(Caller caller, @PathVariable UUID id) {
        return RedemptionView.of(redeeming.redeem(caller, id), false);
    }

    @GetMapping("/redemptions/mine")
    List<RedemptionView> mine(Caller caller) {
        return redeeming.mine(caller).stream()
                .map(r -> RedemptionView.of(r, false))
                .toList();
    }

    @GetMapping("/redemptions")
    List<RedemptionView> ofCompound(Caller caller, @RequestParam String compoundId) {
        return redeeming.ofCompound(caller, Input.required("compoundId", compoundId, Input.CODE)).stream()
                .map(r -> RedemptionView.of(r, false))
                .toList();
    }

    @PostMapping("/redemptions/{id}/hand-over")
    RedemptionView handOver(Caller caller, @PathVariable UUID id) {
        return RedemptionView.of(redeeming.handOver(caller, id), false);
    }
}
