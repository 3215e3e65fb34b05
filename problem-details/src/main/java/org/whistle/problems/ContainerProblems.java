package org.whistle.problems;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem detail for an error that reached no controller — refused by Tomcat while reading the request, or by a
 * filter with {@code sendError}: all that is known is the status. The container's message is left out on purpose:
 * it can quote the request back or name the server.
 */
final class ContainerProblems {

    static final String MEDIA_TYPE = "application/problem+json";

    private ContainerProblems() {}

    static Map<String, Object> forStatus(int status, Locale locale) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", type(status));
        problem.put("title", ProblemTexts.text("status.title." + key(status), locale));
        problem.put("status", status);
        problem.put("detail", ProblemTexts.text("status.detail." + key(status), locale));
        return problem;
    }

    static byte[] json(int status, Locale locale) {
        return JsonMapper.shared().writeValueAsString(forStatus(status, locale)).getBytes(StandardCharsets.UTF_8);
    }

    private static String type(int status) {
        return switch (status) {
            case 400 -> ProblemDetailsHandler.TYPE_PREFIX + "malformed-request";
            case 404 -> ProblemDetailsHandler.TYPE_PREFIX + "not-found";
            default -> "about:blank";
        };
    }

    /** The statuses with words of their own; others are "refused" or, from 500 on, "failed". */
    private static String key(int status) {
        return switch (status) {
            case 400, 401, 403, 404, 405, 413, 414, 431 -> Integer.toString(status);
            default -> status >= 500 ? "server" : "other";
        };
    }
}
