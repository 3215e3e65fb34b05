package org.whistle.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.whistle.texts.Phrase;

class BoundedTextTest {

    @Test
    void countsCharactersAsCodePoints() {
        assertThat(BoundedText.line("name", "😀".repeat(3), 3)).isEmpty();
        assertThat(BoundedText.line("name", "一".repeat(4), 3))
                .containsExactly(
                        new Violation("name", "最多 3 个字符，现有 4 个", Phrase.of("refusal.tooLong", "max", 3, "length", 4)));
    }

    @Test
    void allowsLineBreaksAndTabsOnlyInMultiLineText() {
        assertThat(BoundedText.text("note", "第一行\n第二行\t完", 100)).isEmpty();
        assertThat(BoundedText.line("name", "第一行\n第二行", 100))
                .containsExactly(new Violation("name", Phrase.of("refusal.control")));
        assertThat(BoundedText.text("note", "a\u0000b", 100))
                .containsExactly(new Violation("note", Phrase.of("refusal.control")));
    }

    @Test
    void refusesBidirectionalOverridesAndIsolates() {
        for (var sneaky : new String[] {"\u202A", "\u202E", "\u2066", "\u2069"}) {
            assertThat(BoundedText.text("note", "ab" + sneaky + "c", 100))
                    .singleElement()
                    .satisfies(v -> assertThat(v.field()).isEqualTo("note"))
                    .satisfies(v -> assertThat(v.message())
                            .contains("U+"
                                    + Integer.toHexString(sneaky.codePointAt(0)).toUpperCase()));
        }
        assertThat(BoundedText.text("note", "ab\u2065c", 100)).isEmpty();
    }

    @Test
    void namesEveryProblemOfAFieldAndLetsNullThrough() {
        assertThat(BoundedText.line("name", "abc\u0001\u202E", 3)).hasSize(3);
        assertThat(BoundedText.line("name", null, 3)).isEmpty();
        assertThat(BoundedText.requireLine("name", null, 3)).isNull();
    }

    @Test
    void checksOnlyTheLengthWhenAskedTo() {
        assertThat(BoundedText.length("url", "a\u0000\u202Eb", 10)).isEmpty();
        assertThatThrownBy(() -> BoundedText.requireLength("url", "abcd", 3))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .containsExactly(new Violation(
                                "url", "最多 3 个字符，现有 4 个", Phrase.of("refusal.tooLong", "max", 3, "length", 4))));
    }

    @Test
    void refusesWithTheViolationsAsInvalidInput() {
        assertThatThrownBy(() -> BoundedText.requireText("reason", "x\u202Ey", 100))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("reason: 含有改变文字方向的控制字符");
        assertThat(BoundedText.requireText("reason", "好", 1)).isEqualTo("好");
    }
}
