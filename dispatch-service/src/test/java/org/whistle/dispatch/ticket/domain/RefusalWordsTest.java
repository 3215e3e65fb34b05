package org.whistle.dispatch.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.whistle.events.CommandLevel;
import org.whistle.events.TaskState;
import org.whistle.events.TicketState;
import org.whistle.events.Urgency;
import org.whistle.texts.Catalogue;
import org.whistle.texts.Phrase;
import org.whistle.texts.PlainText;

/**
 * Every value a refusal names — each action, ticket and task state, level, centre and priority — has its words in both
 * languages, so no refusal fails to render (a missing key would answer 500) or shows a code.
 */
class RefusalWordsTest {

    static Stream<Phrase> names() {
        return Stream.of(
                        Phrase.names("dispatch.act", TicketAction.class),
                        Phrase.names("ticket.state", TicketState.class),
                        Phrase.names("task.state", TaskState.class),
                        Phrase.names("level", CommandLevel.class),
                        Phrase.names("centre", CommandLevel.class),
                        Phrase.names("priority", Urgency.class))
                .flatMap(java.util.List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void namesEveryValueARefusalCanNameInBothLanguages(Phrase name) {
        for (var catalogue : new Catalogue[] {Catalogue.chinese(), Catalogue.english()}) {
            var words = name.in(catalogue);
            assertThat(words).isNotBlank();
            assertThat(PlainText.offences(words)).as(name.key()).isEmpty();
        }
        assertThat(name.in(Catalogue.chinese())).containsPattern("\\p{IsHan}");
    }
}
