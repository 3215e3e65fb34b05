package org.whistle.testing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/** The sweep's plumbing, kept off the interface that services implement. */
final class OddValueSweep {

    /** A documentation address (RFC 5737) no other test uses. */
    static final String SWEEP_CLIENT = "203.0.113.250";

    static final Pattern VARIABLE = Pattern.compile("\\{[^}]+\\}");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OddValueSweep() {}

    static void assertAllBelow500(ApplicationContext context, String bearer, Set<String> requests)
            throws InterruptedException {
        var port = context.getEnvironment().getRequiredProperty("local.server.port");
        var failures = new ArrayList<String>();
        for (var request : requests) {
            var space = request.indexOf(' ');
            var answer = status(port, bearer, request.substring(0, space), request.substring(space + 1));
            if (answer >= 500 || answer < 0) {
                failures.add(abbreviated(request) + " → " + (answer < 0 ? "no answer" : answer));
            }
        }
        assertThat(failures).as("requests answered 5xx or not at all").isEmpty();
    }

    private static int status(String port, String bearer, String method, String pathAndQuery)
            throws InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + bearer)
                // A client of its own, as the gateway names it: a service's per-address limits (failed look-ups by
                // code) then count the sweep's thousands of odd requests against it, not against the address the
                // other tests in the same context call from.
                .header("X-Forwarded-For", SWEEP_CLIENT)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        method.equals("GET") || method.equals("DELETE") || method.equals("HEAD")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        try {
            // Only the status line matters; an event stream stays open, so the body is not awaited.
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (HttpTimeoutException e) {
            return -1;
        } catch (IOException e) {
            return -2;
        }
    }

    static Set<String> patterns(RequestMappingInfo info) {
        return info.getPatternValues();
    }

    static List<String> verbs(RequestMappingInfo info) {
        var methods = info.getMethodsCondition().getMethods();
        if (methods.isEmpty()) {
            return List.of("GET");
        }
        return methods.stream()
                .map(RequestMethod::name)
                .filter(name -> !name.equals("OPTIONS") && !name.equals("TRACE"))
                .toList();
    }

    static List<String> queryParameters(HandlerMethod method) {
        var names = new ArrayList<String>();
        for (var parameter : method.getMethodParameters()) {
            var annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation == null || java.util.Map.class.isAssignableFrom(parameter.getParameterType())) {
                continue;
            }
            var name = !annotation.name().isEmpty() ? annotation.name() : annotation.value();
            if (name.isEmpty()) {
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                name = parameter.getParameterName();
            }
            if (name != null && !name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    static String abbreviated(String request) {
        return request.length() > 160 ? request.substring(0, 160) + "…(" + request.length() + ")" : request;
    }
}
