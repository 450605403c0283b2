package dev.secondround.feedback.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondround.feedback.testsupport.Endpoints;
import dev.secondround.feedback.testsupport.Loops;
import dev.secondround.testing.EndpointMatrix;
import dev.secondround.testing.EndpointMatrix.Endpoint;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every feedback-service operation: bad tokens, roles, other tenants (see EndpointMatrix). */
@QuarkusTest
class FeedbackSecurityTest {

    private static final String A = TestTokens.TENANT_A;
    private static final String B = TestTokens.TENANT_B;

    @TestFactory
    Stream<DynamicTest> missingAndBadTokensAre401() {
        return EndpointMatrix.refusesMissingAndBadTokens(Endpoints.ALL, Loops.AUDIENCE, Endpoints.ids(A), Endpoints::body);
    }

    @TestFactory
    Stream<DynamicTest> rolesAreEnforced() {
        Map<String, String> ids = Endpoints.ids(A);
        return EndpointMatrix.enforcesRoles(Endpoints.ALL, Loops.AUDIENCE, A, ids, Endpoints::body, role -> Endpoints.USER,
                endpoint -> etagFor(endpoint, ids));
    }

    @TestFactory
    Stream<DynamicTest> otherTenantsIdsAnswerLikeMissingOnes() {
        // The loop sync is for the platform service only; its tenant isolation has its own test below.
        List<Endpoint> endpoints = Endpoints.ALL.stream().filter(e -> !e.path().startsWith("/v1/loops/")).toList();
        // Scorecards are written by participants (interviewers, hiring managers) only; the rest is tried as a recruiter.
        return Stream.concat(
                EndpointMatrix.hidesOtherTenants(endpoints.stream().filter(e -> e.allowedRoles().equals(Endpoints.PARTICIPANTS)).toList(),
                        Loops.AUDIENCE, "interviewer", Endpoints.ids(A), Endpoints::body),
                EndpointMatrix.hidesOtherTenants(endpoints.stream().filter(e -> !e.allowedRoles().equals(Endpoints.PARTICIPANTS)).toList(),
                        Loops.AUDIENCE, "recruiter", Endpoints.ids(A), Endpoints::body));
    }

    @Test
    void anotherTenantsServiceTokenCannotTouchThisTenantsRequests() {
        Map<String, String> ids = Endpoints.ids(A);
        Map<String, Object> cancelled = Loops.cancelled(Endpoints.loop(A), 99);
        // Tenant B's scheduling service "cancels" a loop with A's id: B never heard of such a loop, so nothing is
        // made for B; A's requests are untouched. Booking it for B fails: B's candidate service does not know A's job.
        Loops.sync(B, cancelled).then().statusCode(204);
        Loops.sync(B, Endpoints.loop(A).snapshot()).then().statusCode(422);
        Loops.as(A, "tomasz").get("/v1/feedback-requests/" + Loops.requestOf(Endpoints.loop(A), "tomasz"))
                .then().statusCode(200).body("status", equalTo("OPEN"));
        // And tenant B sees none of A's requests for that loop.
        Loops.recruiter(B).queryParam("loopId", ids.get("loopId")).get("/v1/feedback-requests").then().statusCode(200)
                .body("items.findAll { it.applicationId == '" + ids.get("applicationId") + "' && it.status == 'OPEN' }.size()", equalTo(0));
    }

    @Test
    void onlyThePlatformServiceMaySyncLoops() {
        Map<String, String> ids = Endpoints.ids(A);
        for (String role : EndpointMatrix.ALL_ROLES) {
            given().auth().oauth2(TestTokens.token(A, "someone", Loops.AUDIENCE, role)).contentType("application/json")
                    .body(Endpoints.loop(A).snapshot()).put("/v1/loops/" + ids.get("loopId")).then().statusCode(403);
        }
    }

    @Test
    void theTableCoversEveryPublishedOperation() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> published = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> published.add(m.toUpperCase() + " " + path)));
        Set<String> tested = new TreeSet<>();
        Endpoints.ALL.forEach(e -> tested.add(e.toString()));
        assertEquals(published, tested);
    }

    private static String etagFor(Endpoint endpoint, Map<String, String> ids) {
        String path = switch (endpoint.toString()) {
            case "PUT /v1/feedback-requests/{requestId}/scorecard", "POST /v1/feedback-requests/{requestId}/scorecard/submission" ->
                    "/v1/feedback-requests/" + ids.get("requestId") + "/scorecard";
            default -> endpoint.resolve(ids);
        };
        return Loops.as(A, Endpoints.USER, "interviewer", "tenant_admin", "recruiter").get(path).then().statusCode(200)
                .extract().header("ETag");
    }
}
