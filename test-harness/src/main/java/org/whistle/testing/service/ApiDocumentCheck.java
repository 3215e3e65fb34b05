package org.whistle.testing.service;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import tools.jackson.databind.JsonNode;

/**
 * Compares what a service maps (Spring's handler mappings, not a list someone keeps) with what its OpenAPI document
 * says: every method and path, every path, query and header parameter, the request body's schema, a success answer
 * and — outside Open311, which has its own error format — the problem-detail answers. Each gap is a sentence naming
 * the handler, so a new undocumented endpoint fails the build with its name.
 */
public final class ApiDocumentCheck {

    /** One method on one path as the service maps it. */
    public record Endpoint(String method, String path, Set<String> parameters, boolean body, String handler) {}

    private ApiDocumentCheck() {}

    /** Every endpoint of the service's own controllers: springdoc's and the error controller are not its API. */
    public static List<Endpoint> endpoints(java.util.Map<RequestMappingInfo, HandlerMethod> mappings) {
        var endpoints = new ArrayList<Endpoint>();
        mappings.forEach((info, handler) -> {
            var type = handler.getBeanType().getName();
            if (type.startsWith("org.springdoc.")
                    || type.startsWith("org.whistle.apidocs.")
                    || isErrorController(handler.getBeanType())
                    || isPage(info, handler)) {
                return;
            }
            var methods = info.getMethodsCondition().getMethods().stream()
                    .map(Enum::name)
                    .toList();
            for (var pattern : info.getPatternValues()) {
                var path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                for (var method : methods.isEmpty() ? List.of("ANY") : methods) {
                    endpoints.add(new Endpoint(
                            method, path, parameters(handler), body(handler), describe(handler.getMethod())));
                }
            }
        });
        return endpoints;
    }

    /** What the document lacks, one sentence per gap; empty when it describes every endpoint. */
    public static List<String> gaps(Collection<Endpoint> endpoints, JsonNode document) {
        var gaps = new ArrayList<String>();
        for (var endpoint : endpoints) {
            var item = document.path("paths").path(endpoint.path());
            var where = endpoint.method() + " " + endpoint.path() + " (" + endpoint.handler() + ")";
            if (item.isMissingNode() || item.isEmpty()) {
                gaps.add(where + " is not in the document");
                continue;
            }
            if (endpoint.method().equals("ANY")) {
                continue;
            }
            var operation = item.path(endpoint.method().toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                gaps.add(where + " is not in the document with its method");
                continue;
            }
            var documented = new TreeSet<String>();
            operation
                    .path("parameters")
                    .forEach(parameter -> documented.add(parameter.path("name").asString()));
            item.path("parameters")
                    .forEach(parameter -> documented.add(parameter.path("name").asString()));
            for (var parameter : endpoint.parameters()) {
                if (!documented.contains(parameter)) {
                    gaps.add(where + " lacks its parameter '" + parameter + "'");
                }
            }
            if (endpoint.body() && !hasSchema(operation.path("requestBody"))) {
                gaps.add(where + " lacks its request body's schema");
            }
            var responses = operation.path("responses");
            if (responses.propertyNames().stream().noneMatch(status -> status.matches("[23]\\d\\d|default"))) {
                gaps.add(where + " documents no successful answer");
            }
            if (!endpoint.path().startsWith("/open311/")
                    && !responses.path("400").has("$ref")
                    && !hasProblem(responses.path("400"))) {
                gaps.add(where + " documents no problem-detail answer");
            }
        }
        return gaps;
    }

    /** A page (HTML, or a view name) — e.g. org-registry's sign-in form — is for browsers, not part of the API. */
    private static boolean isPage(RequestMappingInfo info, HandlerMethod handler) {
        var produces = info.getProducesCondition().getProducibleMediaTypes();
        if (!produces.isEmpty()
                && produces.stream().allMatch(org.springframework.http.MediaType.TEXT_HTML::isCompatibleWith)) {
            return true;
        }
        return !org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(
                        handler.getMethod(), org.springframework.web.bind.annotation.ResponseBody.class)
                && !org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(
                        handler.getBeanType(), org.springframework.web.bind.annotation.ResponseBody.class)
                && !org.springframework.http.HttpEntity.class.isAssignableFrom(
                        handler.getMethod().getReturnType());
    }

    private static boolean isErrorController(Class<?> type) {
        return org.springframework.util.ClassUtils.getAllInterfacesForClassAsSet(type).stream()
                .anyMatch(face -> face.getName().equals("org.springframework.boot.webmvc.error.ErrorController"));
    }

    private static boolean hasSchema(JsonNode body) {
        var content = body.path("content");
        return !content.isEmpty()
                && content.propertyNames().stream()
                        .allMatch(type -> !content.path(type).path("schema").isMissingNode());
    }

    private static boolean hasProblem(JsonNode response) {
        return !response.path("content").path("application/problem+json").isMissingNode();
    }

    private static Set<String> parameters(HandlerMethod handler) {
        var names = new TreeSet<String>();
        for (var parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            var path = parameter.getParameterAnnotation(PathVariable.class);
            var query = parameter.getParameterAnnotation(RequestParam.class);
            var header = parameter.getParameterAnnotation(RequestHeader.class);
            if (path != null) {
                names.add(name(path.name(), parameter));
            } else if (query != null && !isFile(parameter) && !isMap(parameter)) {
                names.add(name(query.name(), parameter));
            } else if (header != null && !isMap(parameter)) {
                names.add(name(header.name(), parameter));
            }
        }
        return names;
    }

    private static boolean body(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)
                    || parameter.hasParameterAnnotation(RequestPart.class)
                    || parameter.hasParameterAnnotation(RequestParam.class) && isFile(parameter)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFile(MethodParameter parameter) {
        var type = parameter.getNestedParameterType();
        return MultipartFile.class.isAssignableFrom(type)
                || MultipartFile.class.isAssignableFrom(parameter.getParameterType());
    }

    private static boolean isMap(MethodParameter parameter) {
        return java.util.Map.class.isAssignableFrom(parameter.getParameterType())
                || org.springframework.util.MultiValueMap.class.isAssignableFrom(parameter.getParameterType())
                || org.springframework.http.HttpHeaders.class.isAssignableFrom(parameter.getParameterType());
    }

    private static String name(String declared, MethodParameter parameter) {
        return declared.isEmpty() ? String.valueOf(parameter.getParameterName()) : declared;
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
