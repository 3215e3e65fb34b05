package org.whistle.orgregistry.organisation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.Violation;

/** A party organisation on a node of the tree, under the organisation of the level above. */
public record PartyOrg(
        String code,
        PartyOrgKind kind,
        String name,
        String nodeCode,
        @Nullable String parentCode) {

    static final Pattern CODE = Pattern.compile("P[A-Z0-9-]{1,31}");

    public List<Violation> violations(@Nullable OrgNode node, @Nullable PartyOrg parent) {
        var violations = new ArrayList<Violation>();
        if (!CODE.matcher(code).matches()) {
            violations.add(new Violation("code", "must start with P, then upper-case letters, digits or '-'"));
        }
        Texts.checkName(name, "name", violations);
        Texts.checkReference(nodeCode, "nodeCode", violations);
        Texts.checkReference(parentCode, "parentCode", violations);
        if (node == null) {
            violations.add(new Violation("nodeCode", "no node " + Texts.quoted(nodeCode)));
        } else if (!kind.mayAttachTo(node.kind())) {
            violations.add(new Violation("nodeCode", "a " + kind + " cannot sit on a " + node.kind()));
        }
        if (parentCode != null) {
            if (parent == null) {
                violations.add(new Violation("parentCode", "no party organisation " + Texts.quoted(parentCode)));
            } else if (kind.parentKind().filter(parent.kind()::equals).isEmpty()) {
                violations.add(new Violation(
                        "parentCode",
                        "a " + kind + " reports to a "
                                + kind.parentKind().map(Enum::name).orElse("nothing") + ", not a " + parent.kind()));
            }
        }
        return violations;
    }
}
