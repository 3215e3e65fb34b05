package org.whistle.orgregistry.routing.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.whistle.orgreference.domain.routing.Proposal;
import org.whistle.orgreference.domain.routing.UnitCode;

/**
 * The answer to a proposal request: {@code matched} false (and the rest null) when no rule applies, so the
 * dispatcher decides by hand.
 */
record ProposalView(
        boolean matched,
        @Nullable String ruleId,
        @Nullable String leadUnitCode,
        List<String> coUnitCodes,
        @Nullable String why) {

    static ProposalView of(Proposal proposal) {
        return new ProposalView(
                true,
                proposal.rule().value(),
                proposal.lead().value(),
                proposal.coUnits().stream().map(UnitCode::value).toList(),
                proposal.why());
    }

    static ProposalView none() {
        return new ProposalView(false, null, null, List.of(), "no active rule matches; the dispatcher decides");
    }
}
