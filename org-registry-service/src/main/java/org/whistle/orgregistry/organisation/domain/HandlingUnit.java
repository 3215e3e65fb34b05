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
            violations.add(
                    new Violation("code", "must be 2 to 48 upper-case letters, digits or '-', starting with a letter"));
        }
        Texts.checkName(name, "name", violations);
        Texts.checkNameEn(nameEn, violations);
        Texts.checkReference(areaCode, "areaCode", violations);
        Texts.checkReference(parentUnitCode, "parentUnitCode", violations);
        if (area == null) {
            violations.add(new Violation("areaCode", "no node " + Texts.quoted(areaCode)));
        } else if (!kind.allowedAreas().contains(area.kind())) {
            violations.add(new Violation(
                    "areaCode", "a " + kind + " answers for " + kind.allowedAreas() + ", not a " + area.kind()));
        }
        if (parentUnitCode == null) {
            if (kind.needsParentUnit()) {
                violations.add(new Violation("parentUnitCode", "a " + kind + " belongs to a parent unit"));
            }
        } else if (parent == null) {
            violations.add(new Violation("parentUnitCode", "no unit " + Texts.quoted(parentUnitCode)));
        } else if (parentUnitCode.equals(code)) {
            violations.add(new Violation("parentUnitCode", "a unit cannot be its own parent"));
        } else if (kind == UnitKind.SECTION && parent.kind() != UnitKind.DEPARTMENT) {
            violations.add(
                    new Violation("parentUnitCode", "a SECTION belongs to a DEPARTMENT, not a " + parent.kind()));
        }
        TextBounds.name(dutyName, "dutyName", TextBounds.PERSON_NAME, violations);
        Texts.checkPhone(dutyPhone, "dutyPhone", violations);
        if (validTo != null && validTo.isBefore(validFrom)) {
            violations.add(new Violation("validTo", "must not be before validFrom"));
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
            throw new ConflictException("unit " + code + " is already retired (valid to " + validTo + ")");
        }
        var end = lastDay.isBefore(validFrom) ? validFrom : lastDay;
        return new HandlingUnit(
                code, kind, name, nameEn, parentUnitCode, areaCode, dutyName, dutyPhone, validFrom, end);
    }
}
