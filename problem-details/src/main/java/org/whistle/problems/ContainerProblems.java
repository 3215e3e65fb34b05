package org.whistle.problems;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem detail for an error that reached no controller — refused by Tomcat while reading the request, or by a
 * filter with {@code sendError}: all that is known is the status. The container's message is left out on purpose:
 * it can quote the request back or name the server.
 */
final class ContainerProblems {

    static final String MEDIA_TYPE = "application/problem+json";

    private ContainerProblems() {}

    static Map<String, Object> forStatus(int status) {
        var known = HttpStatus.resolve(status);
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", type(status));
        problem.put("title", title(status, known));
        problem.put("status", status);
        problem.put("detail", detail(status));
        return problem;
    }

    static byte[] json(int status) {
        return JsonMapper.shared().writeValueAsString(forStatus(status)).getBytes(StandardCharsets.UTF_8);
    }

    private static String type(int status) {
        return switch (status) {
            case 400 -> ProblemDetailsHandler.TYPE_PREFIX + "malformed-request";
            case 404 -> ProblemDetailsHandler.TYPE_PREFIX + "not-found";
            default -> "about:blank";
        };
    }

    private static String title(int status, HttpStatus known) {
        if (status == 400) {
            return "Malformed request";
        }
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 ->
                "The request could not be read: its address, headers or body are malformed (for example an invalid"
                        + " percent-encoding, an encoded slash or dot segment, a control character, or an address"
                        + " or headers too long).";
            case 401 -> "Sign in, or send a valid bearer token.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 413 -> "The request is too large.";
            case 414 -> "The address is too long.";
            case 431 -> "The request's headers are too large.";
            default ->
                status >= 500 ? "The service failed to answer. Please try again later." : "The request was refused.";
        };
    }
}
