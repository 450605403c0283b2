package dev.secondround.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes every operation of every service document the same contract without repeating it on each
 * resource method: the problem+json error responses it can return, the bearer-token security
 * requirement with the roles allowed, and request/response examples assembled from the field
 * examples of the schemas.
 */
public class PlatformOpenApiFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addProblemSchema(openAPI);
        String schemeName = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.smallrye-openapi.security-scheme-name", String.class).orElse("SecurityScheme");
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                addErrorResponses(path.getKey(), entry.getKey(), operation);
                describeRoles(operation, schemeName);
                addExamples(openAPI, operation);
            }
        }
    }

    /**
     * Quarkus lists an operation's {@code @RolesAllowed} roles as the OpenID Connect requirement's scopes,
     * but they are realm roles read from the token's {@code groups} claim: asking for them as scopes
     * gets a client nothing. The requirement names the scheme only; the roles go into the description.
     */
    private static void describeRoles(Operation operation, String schemeName) {
        Set<String> roles = new LinkedHashSet<>();
        if (operation.getSecurity() != null) {
            operation.getSecurity().forEach(requirement -> requirement.getSchemes().values().forEach(roles::addAll));
        }
        operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(schemeName))));
        String who = roles.isEmpty()
                ? "Any role: a valid access token of your organisation is enough."
                : "Roles allowed (realm roles in the token's `groups` claim): " + String.join(", ", roles) + ".";
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? who : description + "\n\n" + who);
    }

    private static void addErrorResponses(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean isUpdate = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH;
        boolean isCreate = method == PathItem.HttpMethod.POST;
        if (hasBody || hasParameters) {
            problem(responses, "400", "Invalid input: malformed JSON, invalid or unknown fields, bad parameters",
                    "validation", "Request is not valid", "email: must be a well-formed email address");
        }
        problem(responses, "401", "Missing, expired or invalid access token (issuer, signature, audience, tenant claim)",
                "unauthenticated", "Authentication required", "a valid bearer access token is required");
        problem(responses, "403", "The caller's role may not perform this operation",
                "forbidden", "Not allowed for your role", "your role does not allow this operation");
        if (path.contains("{") || hasBody) {
            problem(responses, "404", "No such resource in your organisation (another tenant's ids answer the same)",
                    "not-found", "Not found", "application not found");
        }
        if (isCreate || isUpdate) {
            problem(responses, "409", "Conflicts with existing data, or an Idempotency-Key still in flight",
                    "conflict", "Conflict", "a candidate with this email already exists");
            problem(responses, "422", "Well-formed but cannot be applied (e.g. a forbidden stage transition, Idempotency-Key reused)",
                    "unprocessable", "Request cannot be applied", "to: cannot move from HIRED to ROUND");
        }
        if (hasBody) {
            problem(responses, "413", "Request body too large", "payload-too-large", "Request body too large",
                    "the request body exceeds the limit");
        }
        if (isUpdate || (isCreate && path.contains("stage-changes"))) {
            problem(responses, "412", "If-Match names an outdated version", "precondition-failed",
                    "The resource was changed by someone else", "the resource was changed since you read it");
            problem(responses, "428", "If-Match missing", "precondition-required", "If-Match header required",
                    "send If-Match with the ETag from your last read of this resource");
        }
        problem(responses, "500", "Unexpected error (the detail carries a reference for support)", "unexpected",
                "Unexpected error", "something went wrong on our side; reference 8d0c5f0e-4b7e-4c1e-9a51-3f0f2b8f3c11");
    }

    private static void problem(APIResponses responses, String status, String description, String slug, String title, String detail) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null && existing.getContent() != null && existing.getContent().getMediaTypes() != null
                && !existing.getContent().getMediaTypes().isEmpty()) {
            return;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "https://secondround.dev/problems/" + slug);
        example.put("title", title);
        example.put("status", Integer.parseInt(status));
        example.put("detail", detail);
        if ("400".equals(status)) {
            // Ordered maps only: Map.of iterates in a per-JVM random order, and the document is compared in CI.
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", "email");
            error.put("message", "must be a well-formed email address");
            example.put("errors", List.of(error));
        }
        MediaType mediaType = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .example(example);
        Content content = OASFactory.createContent().addMediaType("application/problem+json", mediaType);
        if (existing != null) {
            // Quarkus adds bare 401/403 entries for secured operations; give them our body.
            existing.setContent(content);
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(content));
    }

    private static void addProblemSchema(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas != null && schemas.containsKey("Problem")) {
            return;
        }
        Schema field = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        Schema problem = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(field));
        openAPI.getComponents().addSchema("Problem", problem);
    }

    private static void addExamples(OpenAPI openAPI, Operation operation) {
        if (operation.getRequestBody() != null) {
            addExamples(openAPI, operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    addExamples(openAPI, response.getContent());
                }
            });
        }
    }

    private static void addExamples(OpenAPI openAPI, Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType mediaType : content.getMediaTypes().values()) {
            if (mediaType.getExample() == null && (mediaType.getExamples() == null || mediaType.getExamples().isEmpty())
                    && mediaType.getSchema() != null) {
                Object example = exampleOf(openAPI, mediaType.getSchema(), 0);
                if (example != null) {
                    mediaType.setExample(example);
                }
            }
        }
    }

    /** Builds an example value from the schema's own examples, following references a few levels deep. */
    static Object exampleOf(OpenAPI openAPI, Schema schema, int depth) {
        if (schema == null || depth > 16) {
            return null;
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getDefaultValue() != null) {
            return schema.getDefaultValue();
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
            return schemas == null ? null : exampleOf(openAPI, schemas.get(name), depth + 1);
        }
        for (List<Schema> alternatives : new ArrayList<>(java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()))) {
            if (alternatives != null) {
                for (Schema alternative : alternatives) {
                    Object example = exampleOf(openAPI, alternative, depth + 1);
                    if (example != null) {
                        return example;
                    }
                }
            }
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            Map<String, Object> object = new LinkedHashMap<>();
            schema.getProperties().forEach((name, property) -> {
                Object value = exampleOf(openAPI, property, depth + 1);
                if (value != null) {
                    object.put(name, value);
                }
            });
            return object;
        }
        if (types.contains(Schema.SchemaType.ARRAY)) {
            Object item = exampleOf(openAPI, schema.getItems(), depth + 1);
            int count = Math.max(1, schema.getMinItems() == null ? 1 : schema.getMinItems());
            // As many items as the schema asks for, so that the example is valid (linted in CI).
            return item == null ? List.of() : java.util.Collections.nCopies(count, item);
        }
        String format = schema.getFormat();
        if (types.contains(Schema.SchemaType.STRING)) {
            if ("uuid".equals(format)) {
                return "3f2c8a9e-6b1d-4c7e-9f10-2a5b7c9d1e42";
            }
            if ("date-time".equals(format)) {
                return "2026-11-23T09:00:00Z";
            }
            if ("date".equals(format)) {
                return "2026-11-23";
            }
            return null;
        }
        if (types.contains(Schema.SchemaType.INTEGER) || types.contains(Schema.SchemaType.NUMBER)) {
            return 1;
        }
        if (types.contains(Schema.SchemaType.BOOLEAN)) {
            return true;
        }
        return null;
    }
}
