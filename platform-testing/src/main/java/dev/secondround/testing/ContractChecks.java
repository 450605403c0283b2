package dev.secondround.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Contract checks every service passes: the OpenAPI document and the refusal of bad tokens. */
public final class ContractChecks {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private ContractChecks() {
    }

    /**
     * Every operation has an operationId, tags, a security requirement, problem+json 401/403/500
     * responses and, where it has a JSON body or answer, an example. Returns the operation count.
     */
    @SuppressWarnings("unchecked")
    public static int openApiDocumentsEveryOperation() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (String method : METHODS) {
                Map<String, Object> op = (Map<String, Object>) path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                operations++;
                String where = method.toUpperCase() + " " + path.getKey();
                if (op.get("operationId") == null) {
                    problems.add(where + ": no operationId");
                }
                if (op.get("tags") == null || ((List<?>) op.get("tags")).isEmpty()) {
                    problems.add(where + ": no tags");
                }
                if (op.get("security") == null || ((List<?>) op.get("security")).isEmpty()) {
                    problems.add(where + ": no security requirement");
                }
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                for (String status : List.of("401", "403", "500")) {
                    Map<String, Object> response = responses == null ? null : responses.get(status);
                    Map<String, Object> content = response == null ? null : (Map<String, Object>) response.get("content");
                    if (content == null || !content.containsKey("application/problem+json")) {
                        problems.add(where + ": no problem+json " + status);
                    }
                }
                Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
                if (body != null && !hasExample((Map<String, Object>) body.get("content"))) {
                    problems.add(where + ": request body without example");
                }
                if (responses != null) {
                    responses.forEach((status, response) -> {
                        Map<String, Object> content = (Map<String, Object>) response.get("content");
                        if (status.startsWith("2") && content != null && content.containsKey("application/json") && !hasExample(content)) {
                            problems.add(where + ": " + status + " response without example");
                        }
                    });
                }
            }
        }
        assertTrue(operations > 0, "the OpenAPI document lists no operation");
        assertTrue(problems.isEmpty(), "OpenAPI gaps: " + problems);
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static boolean hasExample(Map<String, Object> content) {
        if (content == null) {
            return false;
        }
        for (Object media : content.values()) {
            Map<String, Object> mediaType = (Map<String, Object>) media;
            if (mediaType.get("example") != null || mediaType.get("examples") != null) {
                return true;
            }
        }
        return false;
    }

    /** Missing, expired, wrong-issuer, wrong-audience, unsigned, forged and tenant-less tokens all get 401 problem+json. */
    public static void refusesBadTokens(String path, String audience) {
        given().get(path).then().statusCode(401).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401));
        Map<String, String> badTokens = badTokens(audience, "recruiter");
        badTokens.forEach((why, token) -> {
            int status = given().auth().oauth2(token).get(path).then().extract().statusCode();
            assertFalse(status != 401, why + " token got " + status + " on " + path);
        });
    }

    public static Map<String, String> badTokens(String audience, String role) {
        return Map.of(
                "expired", TestTokens.expired(TestTokens.TENANT_A, audience, role),
                "wrong-issuer", TestTokens.wrongIssuer(TestTokens.TENANT_A, audience, role),
                "wrong-audience", TestTokens.wrongAudience(TestTokens.TENANT_A, role),
                "unsigned", TestTokens.unsigned(TestTokens.TENANT_A, audience, role),
                "foreign-key", TestTokens.signedByStranger(TestTokens.TENANT_A, audience, role),
                "no-tenant", TestTokens.withoutTenant(audience, role));
    }
}
