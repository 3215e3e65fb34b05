package org.whistle.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.whistle.members.reporting.domain.MembershipState;
import org.whistle.members.reporting.domain.MembershipTransitions;
import org.whistle.members.tasks.domain.ClaimState;
import org.whistle.members.tasks.domain.TaskAction;
import org.whistle.members.tasks.domain.TaskState;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;
import org.whistle.texts.PlainText;

/**
 * Every state and action a refusal names ("the task is done; claiming is not possible") has a name in both languages,
 * so a new constant without one fails here rather than as a 500 in front of a member.
 */
class StateNamesTest {

    @Test
    void everyStateAndActionARefusalNamesIsNamedInBothLanguages() {
        var names = new java.util.ArrayList<Phrase>();
        names.addAll(Phrase.names("members.name.MembershipState", MembershipState.class));
        names.addAll(Phrase.names("members.name.MembershipAction", MembershipTransitions.Action.class));
        names.addAll(Phrase.names("members.name.TaskState", TaskState.class));
        names.addAll(Phrase.names("members.name.ClaimState", ClaimState.class));
        names.addAll(Phrase.names("members.name.TaskAction", TaskAction.class));
        for (var catalogue : List.of(Catalogue.chinese(), Catalogue.english())) {
            for (var name : names) {
                assertThat(catalogue.has(name.key())).as(name.key()).isTrue();
                assertThat(PlainText.offences(name.in(catalogue)))
                        .as(name.key())
                        .isEmpty();
            }
        }
    }
}
