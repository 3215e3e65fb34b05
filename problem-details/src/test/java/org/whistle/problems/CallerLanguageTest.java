package org.whistle.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Properties;
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
    void hasEveryTextInBothLanguages() throws Exception {
        var chinese = load("/org/whistle/problems/problems.properties");
        var english = load("/org/whistle/problems/problems_en.properties");

        assertThat(english.keySet()).containsExactlyInAnyOrderElementsOf(chinese.keySet());
        chinese.values().forEach(text -> assertThat(text.toString()).containsPattern("\\p{IsHan}"));
    }

    private static Properties load(String resource) throws Exception {
        var properties = new Properties();
        try (var in = CallerLanguageTest.class.getResourceAsStream(resource);
                var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
