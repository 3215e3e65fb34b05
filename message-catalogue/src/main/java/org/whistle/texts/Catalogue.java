package org.whistle.texts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Texts for people by key, from the bundles {@code org/whistle/texts/messages*.properties}: the base bundle is
 * Chinese (zh-CN), {@code _en} English. Placeholders are named, <code>{category}</code>, as in the console's
 * {@code i18n.js}, so one catalogue reads the same on both sides. Parameters must be names or numbers: a missing
 * parameter, a {@code null} or an enum is refused rather than shown, and an {@link Instant} is written in Asia/Shanghai
 * time. The JVM's default locale never decides the language (no fallback to it), so a server in an English
 * environment still writes Chinese.
 */
public final class Catalogue {

    /** The city's time zone: every time a person reads is in it (times are stored in UTC). */
    public static final ZoneId CITY_TIME = ZoneId.of("Asia/Shanghai");

    static final String BUNDLE = "org.whistle.texts.messages";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private static final Catalogue CHINESE = new Catalogue(
            Locale.SIMPLIFIED_CHINESE,
            DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE),
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE));
    private static final Catalogue ENGLISH = new Catalogue(
            Locale.ENGLISH,
            DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH));

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter times;
    private final DateTimeFormatter datedTimes;

    private Catalogue(Locale locale, DateTimeFormatter times, DateTimeFormatter datedTimes) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                locale,
                Catalogue.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.times = times.withZone(CITY_TIME);
        this.datedTimes = datedTimes.withZone(CITY_TIME);
    }

    /** The default: what every service writes unless a reader asked for English. */
    public static Catalogue chinese() {
        return CHINESE;
    }

    public static Catalogue english() {
        return ENGLISH;
    }

    /** English for a reader who asked for it, Chinese for everyone else. */
    public static Catalogue of(Locale locale) {
        return locale.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? ENGLISH : CHINESE;
    }

    public Locale locale() {
        return locale;
    }

    /** The text of a key without parameters. */
    public String text(String key) {
        return text(key, Map.of());
    }

    /**
     * The text of a key with its named parameters filled in.
     *
     * @throws MissingResourceException when the key is not in the catalogue
     * @throws IllegalArgumentException when a placeholder has no parameter, or a parameter is an enum
     */
    public String text(String key, Map<String, ?> parameters) {
        var pattern = bundle.getString(key);
        var placeholders = PLACEHOLDER.matcher(pattern);
        var text = new StringBuilder();
        while (placeholders.find()) {
            var name = placeholders.group(1);
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("text " + key + " needs the parameter " + name);
            }
            placeholders.appendReplacement(text, Matcher.quoteReplacement(shown(key, name, parameters.get(name))));
        }
        placeholders.appendTail(text);
        return text.toString();
    }

    /** The name of an enum value: the key {@code prefix.VALUE}, so a new constant without a text fails its test. */
    public String name(String prefix, Enum<?> value) {
        return text(prefix + "." + value.name());
    }

    /** A time as people in the city read it. */
    public String time(Instant at) {
        return times.format(at);
    }

    /**
     * A time with its year, for what is read long after it happened (figures, reports, exports): "2026年12月7日
     * 18:13".
     */
    public String dateTime(Instant at) {
        return datedTimes.format(at);
    }

    /**
     * The name of a value that arrives as text (an organisation node's kind, a state read from a table) under {@code
     * prefix.VALUE}, when the catalogue has one; the caller says what stands for a value it has no word for, so a code
     * is never shown in its place.
     */
    public java.util.Optional<String> named(String prefix, String value) {
        var key = prefix + "." + value;
        return bundle.containsKey(key) ? java.util.Optional.of(text(key)) : java.util.Optional.empty();
    }

    /** A length of time as people say it: "2 天 3 小时", "48 小时", "30 分钟" — never {@code PT48H}. */
    public String span(Duration length) {
        var minutes = Math.abs(length.toMinutes());
        var days = minutes / 1440;
        var hours = minutes % 1440 / 60;
        var rest = minutes % 60;
        var parts = new StringBuilder();
        // Up to three days read as hours, as deadlines are set in hours; longer as days and hours (as i18n.js does).
        if (days >= 3) {
            parts.append(text("span.days", Map.of("n", days)));
            if (hours > 0) {
                parts.append(' ').append(text("span.hours", Map.of("n", hours)));
            }
        } else if (days > 0 || hours > 0) {
            parts.append(text("span.hours", Map.of("n", days * 24 + hours)));
        }
        if (rest > 0 || parts.isEmpty()) {
            if (!parts.isEmpty()) {
                parts.append(' ');
            }
            parts.append(text("span.minutes", Map.of("n", rest)));
        }
        return parts.toString();
    }

    /** What separates the items of a list: 、 in Chinese, a comma in English. */
    private String list() {
        return locale.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? ", " : "、";
    }

    /** Whether the catalogue has this key (both languages have the same keys, as the catalogue's test holds). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** Every key of this language's bundle. */
    public Set<String> keys() {
        return new TreeSet<>(bundle.keySet());
    }

    private String shown(String key, String name, Object value) {
        return switch (value) {
            case null -> throw new IllegalArgumentException("text " + key + " got no value for " + name);
            case Enum<?> constant ->
                throw new IllegalArgumentException(
                        "text " + key + " got the enum " + constant + " for " + name + ": pass its name");
            case Instant at -> time(at);
            case Duration length -> span(length);
            case Phrase phrase -> phrase.in(this);
            case java.util.Collection<?> values ->
                String.join(
                        list(),
                        values.stream().map(each -> shown(key, name, each)).toList());
            default -> value.toString();
        };
    }

    /** The placeholders a catalogue value names, for the check that both languages ask for the same parameters. */
    static Set<String> placeholders(String pattern) {
        var names = new TreeSet<String>();
        var matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The raw value of a key, placeholders unfilled. */
    String pattern(String key) {
        return bundle.getString(key);
    }
}
