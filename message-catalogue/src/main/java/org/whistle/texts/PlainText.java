package org.whistle.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a text a person reads must never show: an enum or other upper-case code, {@code null} or {@code undefined},
 * an ISO or UTC timestamp, an internal code (a unit's {@code QQ-230225-ZJJ-LZG}, a rule's {@code R-0027}, a grid's
 * {@code 230202001001001}; an unmasked phone number too) or an internal address. Ticket numbers ({@code QQHR-20261207-000001}) are for people and pass. Used by the catalogue's own
 * test, by the services' rendering tests and by the console walk test, so all of them mean the same thing.
 */
public final class PlainText {

    /**
     * Upper-case words people do read: channel names and file formats; and the names of the standards the interface
     * page ({@code apis.html}) must name for integrators (HTTP, RFC 9457, JSON), which are no codes of ours.
     */
    public static final Set<String> ALLOWED_ABBREVIATIONS = Set.of(
            "SMS", "CSV", "XLSX", "PDF", "GPS", "WGS", "GCJ", "API", "APP", "WIFI", "HTTP", "RFC", "JSON", "JPEG",
            "PNG", "HEIC");

    private static final Pattern ENUM_LIKE = Pattern.compile("\\b[A-Z]{3,}(?:_[A-Z0-9]+)*\\b");
    private static final Pattern NOTHING = Pattern.compile("\\b(?:null|undefined|NaN)\\b");
    private static final Pattern ISO_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z\\b|\\bUTC\\b");
    private static final Pattern UNIT_CODE = Pattern.compile("\\b[A-Z]{2,}-\\d{6,}(?:-[A-Z][A-Z0-9]*)+\\b");
    /** Nine digits or more, but not a mainland mobile number (11 digits from 13–19), which a page may rightly show. */
    private static final Pattern NODE_CODE = Pattern.compile("\\b(?!1[3-9]\\d{9}\\b)\\d{9,}\\b");
    /** A ticket number ({@code QQHR-20261207-000001}): for people, so it passes whole. */
    private static final Pattern TICKET_NUMBER = Pattern.compile("\\b[A-Z]{2,}-\\d{8}-\\d{4,}\\b");

    private static final Pattern RULE_ID = Pattern.compile("\\bR-\\d{3,}\\b");
    private static final Pattern INTERNAL_ADDRESS = Pattern.compile("/api/|/actuator|localhost|\\.svc\\b");

    private PlainText() {}

    /** What is wrong with the text for a reader, one line per finding; empty when it is plain. */
    public static List<String> offences(String text) {
        var found = new ArrayList<String>();
        add(found, UNIT_CODE, text, "unit code");
        // A code already reported is not reported again piece by piece.
        var rest = UNIT_CODE.matcher(text).replaceAll(" ");
        rest = TICKET_NUMBER.matcher(rest).replaceAll(" ");
        add(found, RULE_ID, rest, "rule id");
        add(found, NODE_CODE, rest, "area code");
        add(found, INTERNAL_ADDRESS, rest, "internal address");
        add(found, ISO_TIME, rest, "ISO/UTC time");
        add(found, NOTHING, rest, "missing value");
        rest = ISO_TIME.matcher(rest).replaceAll(" ");
        var enums = ENUM_LIKE.matcher(rest);
        while (enums.find()) {
            if (!ALLOWED_ABBREVIATIONS.contains(enums.group())) {
                found.add("code or enum \"" + enums.group() + "\"");
            }
        }
        return found;
    }

    public static boolean isPlain(String text) {
        return offences(text).isEmpty();
    }

    private static void add(List<String> found, Pattern pattern, String text, String what) {
        var matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(what + " \"" + matcher.group() + "\"");
        }
    }
}
