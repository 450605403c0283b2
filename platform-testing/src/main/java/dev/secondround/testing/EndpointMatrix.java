package dev.secondround.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The security tests every service runs over a table of all its endpoints: 401 for missing and bad
 * tokens, 403 for every role outside the allow-list (and no refusal for the roles on it), and
 * another tenant's ids answering exactly like ids that do not exist. A service supplies the table,
 * ids of real objects ({@code {name}} placeholders) and valid bodies.
 */
public final class EndpointMatrix {

    public static final List<String> ALL_ROLES =
            List.of("recruiter", "coordinator", "hiring_manager", "interviewer", "tenant_admin", "integration");

    /** One operation: method, path with {@code {placeholders}}, the roles that may call it. */
    public record Endpoint(String method, String path, Set<String> allowedRoles, boolean needsIfMatch, String contentType) {

        public Endpoint(String method, String path, Set<String> allowedRoles, boolean needsIfMatch) {
            this(method, path, allowedRoles, needsIfMatch, "application/json");
        }

        public String resolve(Map<String, String> ids) {
            String resolved = path;
            for (var id : ids.entrySet()) {
                resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
            }
            return resolved;
        }

        public boolean hasPathId() {
            return path.contains("{");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** What a service provides: a valid body for an endpoint in a tenant, given ids of that tenant's objects. */
    public interface Bodies {
        Object body(Endpoint endpoint, String tenant, Map<String, String> ids);
    }

    private EndpointMatrix() {
    }

    public static Stream<DynamicTest> refusesMissingAndBadTokens(List<Endpoint> endpoints, String audience,
                                                                  Map<String, String> ids, Bodies bodies) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            tests.add(DynamicTest.dynamicTest(endpoint + " without token", () ->
                    call(given(), endpoint, ids, bodies.body(endpoint, TestTokens.TENANT_A, ids), "\"0\"").then().statusCode(401)
                            .contentType(startsWith("application/problem+json"))
                            .header("WWW-Authenticate", startsWith("Bearer"))
                            .body("type", equalTo("https://secondround.dev/problems/unauthenticated"))));
            for (var bad : ContractChecks.badTokens(audience, "coordinator").entrySet()) {
                tests.add(DynamicTest.dynamicTest(endpoint + " with " + bad.getKey() + " token", () ->
                        call(given().auth().oauth2(bad.getValue()), endpoint, ids,
                                bodies.body(endpoint, TestTokens.TENANT_A, ids), "\"0\"").then().statusCode(401)
                                .contentType(startsWith("application/problem+json"))));
            }
        }
        return tests.stream();
    }

    /**
     * @param userFor the username to sign in as for a role (object rules may need a particular one)
     * @param etagFor the current ETag of the object an If-Match endpoint changes
     */
    public static Stream<DynamicTest> enforcesRoles(List<Endpoint> endpoints, String audience, String tenant,
                                                     Map<String, String> ids, Bodies bodies,
                                                     Function<String, String> userFor, Function<Endpoint, String> etagFor) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (String role : ALL_ROLES) {
                boolean allowed = endpoint.allowedRoles().contains(role);
                tests.add(DynamicTest.dynamicTest((allowed ? "allows " : "refuses ") + role + " → " + endpoint, () -> {
                    RequestSpecification request = given().auth().oauth2(TestTokens.token(tenant, userFor.apply(role), audience, role));
                    String etag = endpoint.needsIfMatch() ? etagFor.apply(endpoint) : "\"0\"";
                    Response response = call(request, endpoint, ids, bodies.body(endpoint, tenant, ids), etag);
                    if (allowed) {
                        int status = response.statusCode();
                        // A success, or a business refusal (an earlier role already made the same change).
                        assertTrue(status < 300 || status == 409 || status == 422, role + " got " + status + " " + response.asString());
                    } else {
                        response.then().statusCode(403).contentType(startsWith("application/problem+json"))
                                .body("type", equalTo("https://secondround.dev/problems/forbidden"));
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** Tenant B calls with tenant A's ids, and with random ids: both 404, same problem. */
    public static Stream<DynamicTest> hidesOtherTenants(List<Endpoint> endpoints, String audience, String callerRole,
                                                         Map<String, String> idsOfA, Bodies bodies) {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, String> random = new java.util.HashMap<>();
        idsOfA.keySet().forEach(key -> random.put(key, UUID.randomUUID().toString()));
        for (Endpoint endpoint : endpoints) {
            if (!endpoint.hasPathId()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(endpoint.toString(), () -> {
                String token = TestTokens.token(TestTokens.TENANT_B, "someone-" + callerRole, audience, callerRole);
                Response foreign = call(given().auth().oauth2(token), endpoint, idsOfA, bodies.body(endpoint, TestTokens.TENANT_B, idsOfA), "\"0\"");
                Response missing = call(given().auth().oauth2(token), endpoint, random, bodies.body(endpoint, TestTokens.TENANT_B, random), "\"0\"");
                assertEquals(404, foreign.statusCode(), "another tenant's id: " + foreign.asString());
                assertEquals(404, missing.statusCode(), "a random id: " + missing.asString());
                JsonPath f = foreign.jsonPath();
                JsonPath m = missing.jsonPath();
                assertEquals(m.getString("type"), f.getString("type"));
                assertEquals(m.getString("title"), f.getString("title"));
                assertEquals(m.getString("detail"), f.getString("detail"));
                assertEquals(missing.contentType(), foreign.contentType());
            }));
        }
        return tests.stream();
    }

    private static Response call(RequestSpecification request, Endpoint endpoint, Map<String, String> ids, Object body, String etag) {
        RequestSpecification spec = request.header("If-Match", etag);
        if (body != null) {
            spec = spec.contentType(endpoint.contentType()).body(body);
        } else {
            spec = spec.contentType(ContentType.JSON);
        }
        return spec.request(endpoint.method(), endpoint.resolve(ids));
    }
}
