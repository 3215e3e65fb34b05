package org.whistle.testing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No path or query value answers a 5xx or nothing (issue 17): every endpoint the service maps is called with odd values
 * in each path variable (blank, whitespace, over-long, bidirectional overrides, an encoded slash …) by every method it
 * maps, and every GET with odd values in each query parameter it declares; each must be answered, below 500. The
 * endpoints come from the service's own mappings, so a new controller is covered without anyone listing it. A
 * service's {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} application test implements this interface (like
 * {@link DocumentsItsApi}, so it shares that context).
 */
public interface AnswersOddValues {

    /** Odd values as they go on the wire (already percent-encoded): none can name a real record. */
    List<String> ODD_VALUES = List.of(
            "%20",
            "%20%20%20",
            "%09",
            "%E3%80%80",
            "Z".repeat(2_000),
            "%E2%80%AE%E6%B5%8B%E8%AF%95",
            "%F0%9F%98%80%F0%9F%98%80",
            "99999999999999999999999",
            "..",
            "a%2Fb",
            "%25",
            "%3Cscript%3E",
            "%27%3B--");

    /** A bearer token of a caller who may reach (nearly) every endpoint, so the odd value is looked at. */
    String bearer();

    @Test
    default void answersEveryOddPathValueBelow500(ApplicationContext context) throws Exception {
        var requests = new LinkedHashSet<String>();
        mappings(context).getHandlerMethods().forEach((info, method) -> {
            for (var pattern : OddValueSweep.patterns(info)) {
                if (!OddValueSweep.VARIABLE.matcher(pattern).find() || pattern.contains("**")) {
                    continue;
                }
                for (var verb : OddValueSweep.verbs(info)) {
                    for (var value : ODD_VALUES) {
                        requests.add(verb + " "
                                + OddValueSweep.VARIABLE.matcher(pattern).replaceAll(value));
                    }
                }
            }
        });
        assertThat(requests).as("the service maps paths with variables").isNotEmpty();

        OddValueSweep.assertAllBelow500(context, bearer(), requests);
    }

    @Test
    default void answersEveryOddQueryValueBelow500(ApplicationContext context) throws Exception {
        var requests = new LinkedHashSet<String>();
        mappings(context).getHandlerMethods().forEach((info, method) -> {
            if (!OddValueSweep.verbs(info).contains("GET")) {
                return;
            }
            for (var pattern : OddValueSweep.patterns(info)) {
                if (pattern.contains("**")) {
                    continue;
                }
                var path = OddValueSweep.VARIABLE.matcher(pattern).replaceAll("x");
                for (var parameter : OddValueSweep.queryParameters(method)) {
                    for (var value : ODD_VALUES) {
                        requests.add("GET " + path + "?" + parameter + "=" + value);
                    }
                }
            }
        });

        OddValueSweep.assertAllBelow500(context, bearer(), requests);
    }

    private static RequestMappingHandlerMapping mappings(ApplicationContext context) {
        return context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    }
}
