package org.whistle.apidocs;

import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.util.MultiValueMap;

/**
 * A handler that reads its query as a whole ({@code MultiValueMap}, as Open311's do) takes any number of named
 * parameters: in OpenAPI one optional free-form object exploded into the query, not a required parameter called
 * after the Java argument.
 */
final class FreeFormQueries implements ParameterCustomizer {

    @Override
    public @Nullable Parameter customize(@Nullable Parameter parameter, MethodParameter method) {
        if (parameter != null && MultiValueMap.class.isAssignableFrom(method.getParameterType())) {
            parameter.setSchema(new ObjectSchema().additionalProperties(new StringSchema()));
            parameter.setStyle(Parameter.StyleEnum.FORM);
            parameter.setExplode(true);
            parameter.setRequired(false);
            parameter.setDescription("the call's named parameters, as the specification of this path lists them");
        }
        return parameter;
    }
}
