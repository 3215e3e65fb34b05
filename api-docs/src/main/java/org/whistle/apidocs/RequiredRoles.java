package org.whistle.apidocs;

import io.swagger.v3.oas.models.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Names the roles an operation requires where the code declares them with {@code @PreAuthorize} — as the
 * {@code x-required-roles} extension for programs and a sentence for people. Operations that decide by the caller's
 * organisation in code say so in their own description.
 */
final class RequiredRoles implements GlobalOperationCustomizer {

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");
    private static final String PRE_AUTHORIZE = "org.springframework.security.access.prepost.PreAuthorize";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        var roles = roles(handler);
        if (!roles.isEmpty()) {
            operation.addExtension("x-required-roles", roles);
            var sentence = "Requires the role " + String.join(" or ", roles) + ".";
            operation.setDescription(
                    operation.getDescription() == null ? sentence : operation.getDescription() + "\n\n" + sentence);
        }
        return operation;
    }

    private static List<String> roles(HandlerMethod handler) {
        var expression = expression(handler);
        var roles = new ArrayList<String>();
        if (expression != null && expression.contains("Role")) {
            var matcher = ROLE.matcher(expression);
            while (matcher.find()) {
                roles.add(matcher.group(1));
            }
        }
        return roles;
    }

    private static @org.jspecify.annotations.Nullable String expression(HandlerMethod handler) {
        for (var element : List.of(handler.getMethod(), handler.getBeanType())) {
            for (var annotation : element.getAnnotations()) {
                if (annotation.annotationType().getName().equals(PRE_AUTHORIZE)) {
                    var attributes = AnnotatedElementUtils.getMergedAnnotationAttributes(element, PRE_AUTHORIZE);
                    return attributes == null ? null : attributes.getString("value");
                }
            }
        }
        return null;
    }
}
