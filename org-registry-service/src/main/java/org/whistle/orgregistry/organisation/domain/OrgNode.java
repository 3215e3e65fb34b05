package org.whistle.orgregistry.organisation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.ConflictException;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

/**
 * One node of the administrative tree. Its code is its identity everywhere (GB/T 2260 where real); a node is never
 * deleted, only retired by closing its validity, so history keeps pointing at it.
 */
public record OrgNode(
        String code,
        NodeKind kind,
        String name,
        @Nullable String nameEn,
        @Nullable String parentCode,
        LocalDate validFrom,
        @Nullable LocalDate validTo) {

    static final Pattern CODE = Pattern.compile("[0-9]{6,32}");

    /** What is wrong with this node under the given parent (null when unknown), named by the API's field names. */
    public List<Violation> violations(@Nullable OrgNode parent) {
        var violations = new ArrayList<Violation>();
        if (!CODE.matcher(code).matches()) {
            violations.add(new Violation("code", Phrase.of("orgregistry.refusal.nodeCode")));
        }
        Texts.checkName(name, "name", violations);
        Texts.checkNameEn(nameEn, violations);
        Texts.checkReference(parentCode, "parentCode", violations);
        if (kind == NodeKind.CITY) {
            if (parentCode != null) {
                violations.add(new Violation("parentCode", Phrase.of("orgregistry.refusal.cityNoParent")));
            }
        } else if (parentCode == null) {
            violations.add(new Violation(
                    "parentCode",
                    Phrase.of(
                            "orgregistry.refusal.needsParent",
                            "kind",
                            Texts.kind(kind),
                            "allowed",
                            Texts.kinds(kind.allowedParents()))));
        } else if (parent == null) {
            violations.add(new Violation("parentCode", Phrase.of("orgregistry.refusal.unknownNode")));
        } else if (!kind.allowedParents().contains(parent.kind())) {
            violations.add(new Violation(
                    "parentCode",
                    Phrase.of(
                            "orgregistry.refusal.parentKind",
                            "kind",
                            Texts.kind(kind),
                            "parent",
                            Texts.kind(parent.kind()),
                            "allowed",
                            Texts.kinds(kind.allowedParents()))));
        } else if (!parent.activeOn(validFrom)) {
            violations.add(new Violation(
                    "parentCode", Phrase.of("orgregistry.refusal.parentNotValid", "date", validFrom.toString())));
        }
        if (parentCode != null && parentCode.equals(code)) {
            violations.add(new Violation("parentCode", Phrase.of("orgregistry.refusal.ownParentNode")));
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            violations.add(new Violation("validTo", Phrase.of("orgregistry.refusal.validTo")));
        }
        return violations;
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** This node retired from the day after {@code lastDay}; a node retires once. */
    public OrgNode retiredAfter(LocalDate lastDay) {
        if (validTo != null) {
            throw new ConflictException(
                    Phrase.of("orgregistry.refusal.nodeRetired", "name", name, "date", validTo.toString()));
        }
        var end = lastDay.isBefore(validFrom) ? validFrom : lastDay;
        return new OrgNode(code, kind, name, nameEn, parentCode, validFrom, end);
    }
}
