package org.whistle.dispatch.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The search text of a ticket: what it keeps and the bigrams it is indexed by. */
class SearchTextTest {

    @Test
    void keepsTheAddressAndDescriptionNormalisedWithPhonesMasked() {
        var search = SearchText.of("龙沙区  文明大街 12 号", "井盖松动，Call 13812345678 please");

        assertThat(search).isNotNull();
        assertThat(search.text()).isEqualTo("龙沙区 文明大街 12 号 井盖松动，call 138****5678 please");
        assertThat(search.text()).doesNotContain("13812345678");
    }

    @Test
    void isIndexedByEveryTwoCharacterPieceOnceSoThatEverySubstringsPiecesAreAmongThem() {
        var search = SearchText.of(null, "井盖井盖松动");

        assertThat(search.bigrams()).containsExactly("井盖", "盖井", "盖松", "松动");
        assertThat(search.bigrams()).containsAll(SearchText.bigrams(SearchText.normalise("盖松动")));
        assertThat(SearchText.bigrams("𠮷野家")).containsExactly("𠮷野", "野家");
    }

    @Test
    void keepsAtMostFiveHundredCharactersAndNothingWhenThereIsNoText() {
        var search = SearchText.of(null, "路".repeat(2_000));

        assertThat(search.text()).hasSize(SearchText.MAX_LENGTH);
        assertThat(search.bigrams()).containsExactly("路路");
        assertThat(SearchText.of(null, "  ")).isNull();
        assertThat(SearchText.of(null, null)).isNull();
    }
}
