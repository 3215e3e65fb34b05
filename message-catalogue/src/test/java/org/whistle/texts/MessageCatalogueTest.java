package org.whistle.texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MessageCatalogueTest {

    private final Catalogue chinese = Catalogue.chinese();
    private final Catalogue english = Catalogue.english();

    @Nested
    class TheCatalogue {

        @Test
        void hasEveryKeyInBothLanguages() {
            assertThat(chinese.keys()).isNotEmpty().isEqualTo(english.keys());
        }

        @Test
        void asksForTheSameParametersInBothLanguages() {
            for (var key : chinese.keys()) {
                assertThat(Catalogue.placeholders(english.pattern(key)))
                        .as(key)
                        .isEqualTo(Catalogue.placeholders(chinese.pattern(key)));
            }
        }

        @Test
        void holdsNoCodeEnumNullOrUtcTimeInAnyValue() {
            for (var catalogue : new Catalogue[] {chinese, english}) {
                for (var key : catalogue.keys()) {
                    var value = catalogue.pattern(key).replaceAll("\\{[A-Za-z][A-Za-z0-9]*}", "");
                    assertThat(PlainText.offences(value))
                            .as("%s in %s", key, catalogue.locale())
                            .isEmpty();
                }
            }
        }

        @Test
        void writesChineseValuesInChinese() {
            for (var key : chinese.keys()) {
                var words = chinese.pattern(key).replaceAll("\\{[A-Za-z][A-Za-z0-9]*}", "");
                if (!words.isEmpty()) {
                    assertThat(words).as(key).containsPattern("\\p{IsHan}");
                }
            }
        }

        @Test
        void callsALateListABlackListNeverARedList() {
            assertThat(chinese.text("notification.escalated.blackList"))
                    .contains("黑榜")
                    .doesNotContain("红榜");
        }
    }

    @Nested
    class Rendering {

        @Test
        void fillsNamedParameters() {
            assertThat(chinese.text("notification.raised.title", Map.of("category", "道路破损")))
                    .isEqualTo("新哨情：道路破损");
            assertThat(english.text("notification.raised.title", Map.of("category", "road damage")))
                    .isEqualTo("New whistle: road damage");
        }

        @Test
        void writesTimesInShanghaiTime() {
            var at = Instant.parse("2026-12-07T10:13:35.358Z");
            assertThat(chinese.time(at)).isEqualTo("12月7日 18:13");
            assertThat(english.time(at)).isEqualTo("7 Dec 18:13");
            assertThat(chinese.text("notification.warning.file.body", Map.of("category", "道路破损", "due", at)))
                    .contains("12月7日 18:13")
                    .doesNotContain("2026-12-07T");
        }

        @Test
        void writesTimesWithTheirYearInShanghaiTime() {
            var at = Instant.parse("2025-12-31T17:30:00Z");
            assertThat(chinese.dateTime(at)).isEqualTo("2026年1月1日 01:30");
            assertThat(english.dateTime(at)).isEqualTo("1 Jan 2026 01:30");
        }

        @Test
        void namesAValueGivenAsTextOnlyWhenItHasAWordForIt() {
            assertThat(chinese.named("node", "STREET")).contains("街道乡镇");
            assertThat(english.named("ticketState", "CLOSED")).contains("Closed");
            assertThat(chinese.named("node", "SPACESHIP")).isEmpty();
        }

        @Test
        void saysLengthsOfTimeInWordsNeverAsIsoDurations() {
            assertThat(chinese.span(java.time.Duration.ofHours(48))).isEqualTo("48 小时");
            assertThat(chinese.span(java.time.Duration.ofDays(4).plusHours(2))).isEqualTo("4 天 2 小时");
            assertThat(chinese.span(java.time.Duration.ofMinutes(90))).isEqualTo("1 小时 30 分钟");
            assertThat(english.span(java.time.Duration.ofMinutes(30))).isEqualTo("30 min");
        }

        @Test
        void refusesAMissingParameterRatherThanShowingThePlaceholder() {
            assertThatThrownBy(() -> chinese.text("notification.raised.title", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("category");
        }

        @Test
        void refusesNullRatherThanShowingIt() {
            var parameters = new java.util.HashMap<String, Object>();
            parameters.put("category", null);
            assertThatThrownBy(() -> chinese.text("notification.raised.title", parameters))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesAnEnumRatherThanShowingIt() {
            assertThatThrownBy(
                            () -> chinese.text("notification.raised.title", Map.of("category", Locale.Category.FORMAT)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pass its name");
        }

        @Test
        void failsOnAnUnknownKey() {
            assertThatThrownBy(() -> chinese.text("no.such.key")).isInstanceOf(MissingResourceException.class);
        }

        @Test
        void namesEnumValuesThroughTheirKeys() {
            assertThat(chinese.name("level", Level.CITY)).isEqualTo("市");
        }

        @Test
        void choosesEnglishOnlyForEnglishReaders() {
            assertThat(Catalogue.of(Locale.UK)).isSameAs(english);
            assertThat(Catalogue.of(Locale.SIMPLIFIED_CHINESE)).isSameAs(chinese);
            assertThat(Catalogue.of(Locale.JAPANESE)).isSameAs(chinese);
        }

        @Test
        void ignoresTheServersDefaultLocale() {
            var before = Locale.getDefault();
            try {
                Locale.setDefault(Locale.US);
                assertThat(chinese.text("level.CITY")).isEqualTo("市");
            } finally {
                Locale.setDefault(before);
            }
        }
    }

    @Nested
    class PlainTextRule {

        @Test
        void findsWhatTheIssueFoundInTheFeeds() {
            assertThat(PlainText.offences("新哨情 MUNICIPAL-ROAD-DAMAGE")).isNotEmpty();
            assertThat(PlainText.offences("单位 null 的 FILE 时限 2026-12-07T10:13:35.358Z 已超期，升级至 DISTRICT"))
                    .hasSize(4);
            assertThat(PlainText.offences("QQ-230225-ZJJ-LZG (lead)"))
                    .containsExactly("unit code \"QQ-230225-ZJJ-LZG\"");
            assertThat(PlainText.offences("RESOLVED")).isNotEmpty();
            assertThat(PlainText.offences("依据：rule R-0027")).containsExactly("rule id \"R-0027\"");
            assertThat(PlainText.offences("undefined")).isNotEmpty();
            assertThat(PlainText.offences("QQ-230202001-JDB 网格 230202001001001"))
                    .containsExactly("unit code \"QQ-230202001-JDB\"", "area code \"230202001001001\"");
            assertThat(PlainText.offences("见 http://127.0.0.1:8083/api/tickets/1"))
                    .isNotEmpty();
        }

        @Test
        void letsNamesTicketNumbersAndShanghaiTimesThrough() {
            assertThat(PlainText.offences("工单 QQ-20261207-000001（道路破损）：龙沙区城管局已报到，12月7日 18:13"))
                    .isEmpty();
            assertThat(PlainText.isPlain("已发送 SMS 短信，可导出 CSV")).isTrue();
            assertThat(PlainText.isPlain("工单 QQHR-20261207-000012 已受理")).isTrue();
        }

        @Test
        void letsAPhoneNumberThroughButNotAnAreaCodeOfTheSameLength() {
            assertThat(PlainText.isPlain("反映人 13900000123，拨打")).isTrue();
            assertThat(PlainText.offences("网格 23022510000")).containsExactly("area code \"23022510000\"");
        }
    }

    enum Level {
        CITY
    }
}
