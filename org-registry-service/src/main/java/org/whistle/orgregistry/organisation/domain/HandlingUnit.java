package org.whistle.orgregistry.organisation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.whistle.events.CommandLevel;
import org.whistle.orgregistry.bounds.TextBounds;
import org.whistle.problems.ConflictException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * A unit that can be summoned to act: a department, a section, a street office, a property company … responsible
 * for an area (a node and everything below it), with a duty contact reachable around the clock.
 */
public record HandlingUnit(
        String code,
        UnitKind kind,
        String name,
        @Nullable String nameEn,
        @Nullable String parentUnitCode,
        String areaCode,
        @Nullable String dutyName,
        @Nullable String dutyPhone,
        LocalDate validFrom,
        @Nullable LocalDate validTo) {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{1,47}");

    /** What is wrong with this unit given its area node and parent unit (null when unknown). */
    public List<Violation> violations(@Nullable OrgNode area, @Nullable HandlingUnit parent) {
        var violations = new ArrayList<Violation>();
        if (!CODE.matcher(code).matches()) {
            violations.add(new Violation("code", Phrase.of("orgregistry.refusal.unitCode")));
        }
        Texts.checkName(name, "name", violations);
        Texts.checkNameEn(nameEn, violations);
        Texts.checkReference(areaCode, "areaCode", violations);
        Texts.checkReference(parentUnitCode, "parentUnitCode", violations);
        if (area == null) {
            violations.add(new Violation("areaCode", Phrase.of("orgregistry.refusal.unknownNode")));
        } else if (!kind.allowedAreas().contains(area.kind())) {
            violations.add(new Violation(
                    "areaCode",
                    Phrase.of(
                            "orgregistry.refusal.unitArea",
                            "kind",
                            Texts.kind(kind),
                            "allowed",
                            Texts.kinds(kind.allowedAreas()),
                            "area",
                            Texts.kind(area.kind()))));
        }
        if (parentUnitCode == null) {
            if (kind.needsParentUnit()) {
                violations.add(new Violation(
                        "parentUnitCode", Phrase.of("orgregistry.refusal.needsParentUnit", "kind", Texts.kind(kind))));
            }
        } else if (parent == null) {
            violations.add(new Violation("parentUnitCode", Phrase.of("orgregistry.refusal.unknownUnit")));
        } else if (parentUnitCode.equals(code)) {
            violations.add(new Violation("parentUnitCode", Phrase.of("orgregistry.refusal.ownParentUnit")));
        } else if (kind == UnitKind.SECTION && parent.kind() != UnitKind.DEPARTMENT) {
            violations.add(new Violation(
                    "parentUnitCode",
                    Phrase.of("orgregistry.refusal.sectionParent", "kind", Texts.kind(parent.kind()))));
        }
        TextBounds.name(dutyName, "dutyName", TextBounds.PERSON_NAME, violations);
        Texts.checkPhone(dutyPhone, "dutyPhone", violations);
        if (validTo != null && validTo.isBefore(validFrom)) {
            violations.add(new Violation("validTo", Phrase.of("orgregistry.refusal.validTo")));
        }
        return violations;
    }

    /** The command level the unit works at: that of the node it answers for. */
    public CommandLevel level(NodeKind areaKind) {
        return areaKind.commandLevel();
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public HandlingUnit retiredAfter(LocalDate lastDay) {
        if (validTo != null) {
            throw new ConflictException(
                    Phrase.of("orgregistry.refusal.unitRetired", "name", name, "date", validTo.toString()));
        }
        var end = lastDay.isBefore(validFrom) ? validFrom : lastDay;
        return new HandlingUnit(
                code, kind, name, nameEn, parentUnitCode, areaCode, dutyName, dutyPhone, validFrom, end);
    }
}
