package org.whistle.dispatch.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.whistle.problems.InvalidInputException;

class FreeTextTest {

    @Test
    void acceptsTwoThousandCodePointsAndRefusesOneMoreNamingTheField() {
        assertThat(FreeText.required("reason", "𠀀".repeat(2_000))).hasSize(4_000);
        assertThatThrownBy(() -> FreeText.required("reason", "a".repeat(2_001)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("reason:");
    }

    @Test
    void refusesBidirectionalControlsAndNulButKeepsLineBreaks() {
        assertThat(FreeText.optional("note", "第一行\n第二行\t完")).isNotNull();
        for (var c :
                new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'}) {
            assertThatThrownBy(() -> FreeText.optional("note", "a" + c + "b"))
                    .as("U+%04X", (int) c)
                    .hasMessageContaining("U+" + Integer.toHexString(c).toUpperCase());
        }
        assertThatThrownBy(() -> FreeText.optional("note", "a\u0000b")).hasMessageStartingWith("note:");
    }

    @Test
    void fitsSomeoneElsesWordsInsteadOfRefusingThem() {
        var fitted = FreeText.clipped("好\u202E坏\u0000".repeat(1_000));

        assertThat(fitted.codePointCount(0, fitted.length())).isEqualTo(2_000);
        assertThat(fitted).endsWith("…").doesNotContain("\u202E").doesNotContain("\u0000");
        assertThat(FreeText.optional("note", fitted)).isEqualTo(fitted);
    }
}
