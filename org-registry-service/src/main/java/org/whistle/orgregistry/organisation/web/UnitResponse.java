package org.whistle.orgregistry.organisation.web;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.whistle.orgregistry.access.Masking;
import org.whistle.orgregistry.organisation.OrganisationTree.UnitView;
import org.whistle.orgregistry.organisation.domain.HandlingUnit;

/** How a unit's duty contact appears to the caller: in full to staff, masked to residents and party members. */
record UnitResponse(
        String code,
        String kind,
        String name,
        @Nullable String nameEn,
        @Nullable String parentUnitCode,
        String areaCode,
        String level,
        @Nullable String dutyName,
        @Nullable String dutyPhone,
        String validFrom,
        @Nullable String validTo,
        boolean active,
        long revision) {

    private static final Set<String> PUBLIC_ROLES = Set.of("ROLE_RESIDENT", "ROLE_PARTY_MEMBER");

    static UnitResponse of(UnitView view, Authentication caller) {
        HandlingUnit unit = view.unit();
        var staff = caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> authority.startsWith("ROLE_") && !PUBLIC_ROLES.contains(authority));
        return new UnitResponse(
                unit.code(),
                unit.kind().name(),
                unit.name(),
                unit.nameEn(),
                unit.parentUnitCode(),
                unit.areaCode(),
                view.level().name(),
                staff ? unit.dutyName() : Masking.name(unit.dutyName()),
                staff ? unit.dutyPhone() : Masking.phone(unit.dutyPhone()),
                unit.validFrom().toString(),
                unit.validTo() == null ? null : unit.validTo().toString(),
                view.active(),
                view.revision());
    }
}
