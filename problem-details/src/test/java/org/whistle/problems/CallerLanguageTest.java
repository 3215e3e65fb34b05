package org.whistle.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallerLanguageTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en|en",
                "en-US,en;q=0.9|en",
                "fr-FR,fr;q=0.9,en;q=0.5,zh;q=0.3|en",
                "zh-CN,zh;q=0.9,en;q=0.8|zh",
                "en;q=0.4,zh-TW;q=0.6|zh",
                "de|zh",
                "*|zh",
                "en;q=0|zh",
                "not a ;;; header=|zh",
            })
    void prefersEnglishOnlyWhenTheCallerRanksItAboveChinese(String header, String language) {
        assertThat(CallerLanguage.of(header).getLanguage()).isEqualTo(language);
    }

    @Test
    void answersInChineseWithoutAHeaderOrWithAnOverlongOne() {
        assertThat(CallerLanguage.of(null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CallerLanguage.of("en," + "x-y;q=0.1,".repeat(100))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void takesItsWordsFromTheOneCatalogueAndHasNoBundleOfItsOwn() {
        assertThat(ProblemTexts.title("conflict", Locale.SIMPLIFIED_CHINESE)).isEqualTo("与当前状态冲突");
        assertThat(ProblemTexts.title("conflict", Locale.ENGLISH)).isEqualTo("Conflict with the current state");
        assertThat(CallerLanguageTest.class.getResource("/org/whistle/problems/problems.properties"))
                .isNull();
    }
}
