package org.whistle.orgregistry.organisation.web;

import org.jspecify.annotations.Nullable;
import org.whistle.orgregistry.organisation.OrganisationTree.UnitView;
import org.whistle.orgregistry.organisation.domain.HandlingUnit;
import org.whistle.security.personaldata.Disclosure;

/**
 * A unit as the API shows it; its duty contact as {@link DutyContacts} decides: in full to staff, masked to residents
 * and party members.
 */
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

    static UnitResponse of(UnitView view, Disclosure dutyContact) {
        HandlingUnit unit = view.unit();
        return new UnitResponse(
                unit.code(),
                unit.kind().name(),
                unit.name(),
                unit.nameEn(),
                unit.parentUnitCode(),
                unit.areaCode(),
                view.level().name(),
                dutyContact.name(unit.dutyName()),
                dutyContact.phone(unit.dutyPhone()),
                unit.validFrom().toString(),
                unit.validTo() == null ? null : unit.validTo().toString(),
                view.active(),
                view.revision());
    }
}
