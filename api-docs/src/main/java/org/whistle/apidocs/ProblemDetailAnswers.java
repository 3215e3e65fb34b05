package org.whistle.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Adds the answers springdoc cannot see, because problem-details renders them outside the controller: each operation
 * gets the problem details it can meet (400 when it reads input, 401/403 for the token, 404 when the path names a
 * resource, 409/422 when it changes something, 503 when the database is away), all one {@code Problem} schema. Open311
 * paths answer in Open311's error format and authenticate with {@code api_key} instead.
 */
final class ProblemDetailAnswers implements GlobalOpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "Problem";

    /** Status → (component name, what it means, example detail in Chinese — the default language). */
    private static final Map<String, String[]> ANSWERS = answers();

    private static Map<String, String[]> answers() {
        var answers = new LinkedHashMap<String, String[]>();
        answers.put("400", new String[] {"BadRequest", "The request is malformed or a field is invalid.", "请求有误"});
        answers.put("401", new String[] {"Unauthorized", "No valid bearer token.", "请先登录"});
        answers.put("403", new String[] {"Forbidden", "The caller's roles or organisation do not allow it.", "无权操作"});
        answers.put("404", new String[] {"NotFound", "Nothing at this address, or not visible to the caller.", "未找到"});
        answers.put("409", new String[] {"Conflict", "The resource's current state does not allow it.", "与当前状态冲突"});
        answers.put("422", new String[] {"UnprocessableContent", "Well-formed but breaks a rule.", "输入不符合要求"});
        answers.put("503", new String[] {
            "ServiceUnavailable", "The service's database cannot be reached; send it again shortly.", "服务暂不可用"
        });
        return answers;
    }

    @Override
    public void customise(OpenAPI api) {
        var components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSchemas(PROBLEM, problemSchema());
        ANSWERS.forEach((status, answer) -> components.addResponses(answer[0], response(status, answer)));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (path.startsWith("/open311/")) {
                        operation.setSecurity(List.of(
                                new SecurityRequirement().addList(ApiDocsAutoConfiguration.OPEN311_KEY),
                                new SecurityRequirement()));
                    } else {
                        answer(operation, statuses(path, method));
                    }
                }));
    }

    private static List<String> statuses(String path, PathItem.HttpMethod method) {
        var statuses = new ArrayList<String>();
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        statuses.add("400");
        statuses.add("401");
        statuses.add("403");
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (changes) {
            statuses.add("409");
            statuses.add("422");
        }
        statuses.add("503");
        return statuses;
    }

    private static void answer(Operation operation, List<String> statuses) {
        var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        for (var status : statuses) {
            var existing = responses.get(status);
            if (existing == null || existing.get$ref() == null && isBareProblem(existing)) {
                responses.addApiResponse(
                        status, new ApiResponse().$ref("#/components/responses/" + ANSWERS.get(status)[0]));
            }
        }
    }

    /** What springdoc infers from the exception handlers: a response whose body is Spring's ProblemDetail class. */
    private static boolean isBareProblem(ApiResponse response) {
        return response.getContent() == null
                || response.getContent().values().stream()
                        .allMatch(media -> media.getSchema() == null
                                || String.valueOf(media.getSchema().get$ref()).endsWith("/ProblemDetail")
                                || media.getSchema().get$ref() == null
                                        && media.getSchema().getType() == null);
    }

    private static ApiResponse response(String status, String[] answer) {
        var example = new LinkedHashMap<String, Object>();
        example.put("title", answer[2]);
        example.put("status", Integer.parseInt(status));
        example.put("detail", answer[2]);
        return new ApiResponse()
                .description(answer[1])
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                                        .example(example)));
    }

    private static Schema<?> problemSchema() {
        var violation = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the input the message is about"))
                .addProperty("message", new StringSchema().description("what is wrong with it, for a person"));
        return new ObjectSchema()
                .description("An RFC 9457 problem detail. title and detail are for people: Chinese by default,"
                        + " English when Accept-Language prefers it; type is the stable code for programs.")
                .addProperty("type", new StringSchema().format("uri").example("urn:whistle:problem:not-found"))
                .addProperty("title", new StringSchema().example("未找到"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(violation).description("one entry per offending input"))
                .addProperty(
                        "rows", new ArraySchema().items(new ObjectSchema()).description("an import's rejected rows"))
                .required(List.of("type", "title", "status"));
    }
}
