package org.whistle.orgregistry.organisation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.whistle.problems.Violation;
import org.whistle.texts.Phrase;

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
            violations.add(new Violation("code", Phrase.of("orgregistry.refusal.partyOrgCode")));
        }
        Texts.checkName(name, "name", violations);
        Texts.checkReference(nodeCode, "nodeCode", violations);
        Texts.checkReference(parentCode, "parentCode", violations);
        if (node == null) {
            violations.add(new Violation("nodeCode", Phrase.of("orgregistry.refusal.unknownNode")));
        } else if (!kind.mayAttachTo(node.kind())) {
            violations.add(new Violation(
                    "nodeCode",
                    Phrase.of(
                            "orgregistry.refusal.partyOrgNode",
                            "kind",
                            Phrase.name("orgregistry.name.PartyOrgKind", kind),
                            "node",
                            Texts.kind(node.kind()))));
        }
        if (parentCode != null) {
            if (parent == null) {
                violations.add(new Violation("parentCode", Phrase.of("orgregistry.refusal.unknownPartyOrg")));
            } else if (kind.parentKind().filter(parent.kind()::equals).isEmpty()) {
                violations.add(new Violation(
                        "parentCode",
                        kind.parentKind()
                                .map(allowed -> Phrase.of(
                                        "orgregistry.refusal.partyOrgParent",
                                        "kind",
                                        Phrase.name("orgregistry.name.PartyOrgKind", kind),
                                        "allowed",
                                        Phrase.name("orgregistry.name.PartyOrgKind", allowed)))
                                .orElseGet(() -> Phrase.of(
                                        "orgregistry.refusal.partyOrgNoParent",
                                        "kind",
                                        Phrase.name("orgregistry.name.PartyOrgKind", kind)))));
            }
        }
        return violations;
    }
}
