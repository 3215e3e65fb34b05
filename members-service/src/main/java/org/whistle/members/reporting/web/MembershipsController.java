package org.whistle.members.reporting.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.whistle.members.Input;
import org.whistle.members.place.Places;
import org.whistle.members.reporting.ReportingIn;
import org.whistle.members.reporting.domain.HistoryEntry;
import org.whistle.members.reporting.domain.MemberKind;
import org.whistle.members.reporting.domain.MemberType;
import org.whistle.members.reporting.domain.Membership;
import org.whistle.members.reporting.domain.MembershipState;
import org.whistle.members.reporting.domain.Profile;
import org.whistle.members.reporting.domain.WorkplaceOrg;
import org.whistle.security.Caller;
import org.whistle.security.personaldata.PersonalData;

/**
 * 报到 over HTTP: the member's own report-in (unmasked, it is theirs), the branch's list of its compound (phone
 * masked, address shown: the branch visits), a workplace contact's list of its members (no address, phone masked).
 */
@RestController
@RequestMapping("/api/members")
class MembershipsController {

    private final ReportingIn reporting;
    private final Places places;

    MembershipsController(ReportingIn reporting, Places places) {
        this.reporting = reporting;
        this.places = places;
    }

    record ReportInRequest(
            @Nullable String name,
            @Nullable String phone,
            @Nullable String kind,
            @Nullable String memberType,
            @Nullable String workplaceId,
            @Nullable List<String> skills,
            @Nullable List<String> teams,
            @Nullable String availability,
            @Nullable String compoundId,
            @Nullable String address) {

        Profile profile() {
            return new Profile(
                    Input.required("name", name, Input.NAME),
                    Input.required("phone", phone, Input.PHONE),
                    Input.choice("kind", kind, MemberKind.class),
                    memberType == null ? MemberType.ORDINARY : Input.choice("memberType", memberType, MemberType.class),
                    Input.optional("workplaceId", workplaceId, Input.CODE),
                    Input.list("skills", skills, Input.NAME),
                    Input.list("teams", teams, Input.NAME),
                    Input.required("availability", availability, Input.LINE));
        }
    }

    record TransferRequest(
            @Nullable String compoundId, @Nullable String address) {}

    record AssignRequest(@Nullable String gridId, @Nullable String buildingId) {}

    record DeclineRequest(@Nullable String reason) {}

    record Step(
            int seq,
            Instant at,
            String action,
            String actorName,
            String compound,
            @Nullable String grid,
            @Nullable String note) {}

    /** A membership as the one who asked may see it. */
    record MembershipView(
            UUID id,
            String name,
            String phone,
            String kind,
            String kindLabel,
            String memberType,
            @Nullable String workplaceId,
            List<String> skills,
            List<String> teams,
            String availability,
            @Nullable String address,
            String compoundId,
            String compoundName,
            String state,
            String stateLabel,
            @Nullable String gridId,
            @Nullable String gridName,
            @Nullable String buildingId,
            @Nullable String buildingName,
            Instant reportedAt,
            @Nullable Instant confirmedAt,
            @Nullable List<Step> history) {}

    @PostMapping("/memberships")
    @ResponseStatus(HttpStatus.CREATED)
    MembershipView reportIn(Caller caller, @RequestBody ReportInRequest request) {
        var membership = reporting.reportIn(
                caller,
                request.profile(),
                Input.required("compoundId", request.compoundId(), Input.CODE),
                Input.required("address", request.address(), Input.LINE));
        return view(membership, Disclose.OWNER);
    }

    @GetMapping("/memberships/me")
    MembershipView mine(Caller caller) {
        return view(reporting.mine(caller), Disclose.OWNER);
    }

    @PutMapping("/memberships/me/profile")
    MembershipView updateProfile(Caller caller, @RequestBody ReportInRequest request) {
        return view(reporting.updateProfile(caller, request.profile()), Disclose.OWNER);
    }

    @PostMapping("/memberships/me/transfer")
    MembershipView transfer(Caller caller, @RequestBody TransferRequest request) {
        return view(
                reporting.transfer(
                        caller,
                        Input.required("compoundId", request.compoundId(), Input.CODE),
                        Input.required("address", request.address(), Input.LINE)),
                Disclose.OWNER);
    }

    @GetMapping("/memberships")
    List<MembershipView> ofCompound(
            Caller caller, @RequestParam String compoundId, @RequestParam(required = false) @Nullable String state) {
        Input.required("compoundId", compoundId, Input.CODE);
        var wanted = state == null ? null : Input.choice("state", state, MembershipState.class);
        return reporting.ofCompound(caller, compoundId, wanted).stream()
                .map(m -> view(m, Disclose.BRANCH))
                .toList();
    }

    @PostMapping("/memberships/{id}/confirm")
    MembershipView confirm(Caller caller, @PathVariable UUID id, @RequestBody AssignRequest request) {
        return view(
                reporting.confirm(
                        caller,
                        id,
                        Input.required("gridId", request.gridId(), Input.CODE),
                        Input.optional("buildingId", request.buildingId(), Input.CODE)),
                Disclose.BRANCH);
    }

    @PostMapping("/memberships/{id}/reassign")
    MembershipView reassign(Caller caller, @PathVariable UUID id, @RequestBody AssignRequest request) {
        return view(
                reporting.reassign(
                        caller,
                        id,
                        Input.required("gridId", request.gridId(), Input.CODE),
                        Input.optional("buildingId", request.buildingId(), Input.CODE)),
                Disclose.BRANCH);
    }

    @PostMapping("/memberships/{id}/decline")
    MembershipView decline(Caller caller, @PathVariable UUID id, @RequestBody DeclineRequest request) {
        return view(
                reporting.decline(caller, id, Input.required("reason", request.reason(), Input.TEXT)), Disclose.BRANCH);
    }

    record WorkplaceRequest(
            @Nullable String id,
            @Nullable String name,
            @Nullable String reportsTo,
            @Nullable String contactSubject,
            @Nullable String contactName,
            @Nullable String contactPhone,
            @Nullable String firstSecretary) {}

    record WorkplaceView(
            String id,
            String name,
            String reportsTo,
            String reportsToName,
            String contactName,
            String contactPhone,
            @Nullable String firstSecretary) {}

    /** A place of a compound as the branch picks it (names for people, codes for the calls). */
    record PlaceView(String id, String name) {}

    /** A compound the branch manages, with the grids and buildings it confirms members into. */
    record CompoundView(String id, String name, List<PlaceView> grids, List<PlaceView> buildings) {}

    @GetMapping("/compounds/managed")
    List<CompoundView> managedCompounds(Caller caller) {
        return reporting.managedCompounds(caller).stream()
                .map(id -> new CompoundView(
                        id, places.name(id), placesOf(places.gridsOf(id)), placesOf(places.buildingsOf(id))))
                .toList();
    }

    private List<PlaceView> placesOf(List<String> ids) {
        return ids.stream()
                .map(id -> new PlaceView(id, places.name(id)))
                .sorted(java.util.Comparator.comparing(PlaceView::name))
                .toList();
    }

    /** The workplace organisations the caller is the contact of, or whose compound its branch manages. */
    @GetMapping("/workplaces")
    List<WorkplaceView> workplaces(Caller caller) {
        return reporting.visibleWorkplaces(caller).stream().map(this::view).toList();
    }

    private WorkplaceView view(WorkplaceOrg org) {
        return new WorkplaceView(
                org.id(),
                org.name(),
                org.reportsTo(),
                places.name(org.reportsTo()),
                org.contactName(),
                PersonalData.phone(org.contactPhone()),
                org.firstSecretary());
    }

    @PostMapping("/workplaces")
    @ResponseStatus(HttpStatus.CREATED)
    WorkplaceView registerWorkplace(Caller caller, @RequestBody WorkplaceRequest request) {
        var org = reporting.registerWorkplace(
                caller,
                new WorkplaceOrg(
                        Input.required("id", request.id(), Input.CODE),
                        Input.required("name", request.name(), Input.NAME),
                        Input.required("reportsTo", request.reportsTo(), Input.CODE),
                        Input.required("contactSubject", request.contactSubject(), Input.NAME),
                        Input.required("contactName", request.contactName(), Input.NAME),
                        Input.required("contactPhone", request.contactPhone(), Input.PHONE),
                        Input.optional("firstSecretary", request.firstSecretary(), Input.NAME),
                        Instant.now()));
        return view(org);
    }

    @GetMapping("/workplaces/{id}/members")
    List<MembershipView> workplaceMembers(Caller caller, @PathVariable String id) {
        return reporting.workplaceMembers(caller, Input.required("id", id, Input.CODE)).stream()
                .map(m -> view(m, Disclose.WORKPLACE))
                .toList();
    }

    /** How much of a membership the asker sees. */
    enum Disclose {
        /** The member: everything, with the history. */
        OWNER,
        /** The compound's branch: the phone masked; address and history shown. */
        BRANCH,
        /** The workplace contact: no address, phone masked, no history. */
        WORKPLACE
    }

    private MembershipView view(Membership m, Disclose disclose) {
        var p = m.profile();
        var history = disclose == Disclose.WORKPLACE
                ? null
                : m.history().stream().map(this::step).toList();
        return new MembershipView(
                m.id().value(),
                p.name(),
                disclose == Disclose.OWNER ? p.phone() : PersonalData.phone(p.phone()),
                p.kind().name(),
                p.kind().label(),
                p.type().label(),
                p.workplaceId(),
                p.skills(),
                p.teams(),
                p.availability(),
                disclose == Disclose.WORKPLACE ? null : m.address(),
                m.compoundId(),
                places.name(m.compoundId()),
                m.state().name(),
                m.state().label(),
                m.gridId(),
                m.gridId() == null ? null : places.name(m.gridId()),
                m.buildingId(),
                m.buildingId() == null ? null : places.name(m.buildingId()),
                m.reportedAt(),
                m.confirmedAt(),
                history);
    }

    private Step step(HistoryEntry e) {
        return new Step(
                e.seq(),
                e.at(),
                e.action().label(),
                e.actorName(),
                places.name(e.compoundId()),
                e.gridId() == null ? null : places.name(e.gridId()),
                PersonalData.phonesIn(e.note()));
    }
}
