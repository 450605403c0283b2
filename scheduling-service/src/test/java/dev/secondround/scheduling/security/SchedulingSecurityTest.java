package dev.secondround.scheduling.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondround.scheduling.testsupport.Directory;
import dev.secondround.scheduling.testsupport.Endpoints;
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

/** Every scheduling-service operation: bad tokens, roles, other tenants (see EndpointMatrix). */
@QuarkusTest
class SchedulingSecurityTest {

    private static final String A = TestTokens.TENANT_A;

    @TestFactory
    Stream<DynamicTest> missingAndBadTokensAre401() {
        Map<String, String> ids = Directory.ids(A);
        return EndpointMatrix.refusesMissingAndBadTokens(Endpoints.ALL, Directory.AUDIENCE, ids, Endpoints::body);
    }

    @TestFactory
    Stream<DynamicTest> rolesAreEnforced() {
        Map<String, String> ids = Directory.ids(A);
        // DELETE consumes its object; it has its own test below.
        List<Endpoint> endpoints = Endpoints.ALL.stream().filter(e -> !e.method().equals("DELETE")).toList();
        return EndpointMatrix.enforcesRoles(endpoints, Directory.AUDIENCE, A, ids, Endpoints::body,
                role -> Directory.LINKED_INTERVIEWER,
                endpoint -> Directory.coordinator(A).get(endpoint.resolve(ids).replace("/cancel", "").replace("/replacements", "").replace("/booking", "").replace("/session-moves", "")).then().statusCode(200)
                        .extract().header("ETag"));
    }

    @TestFactory
    Stream<DynamicTest> otherTenantsIdsAnswerLikeMissingOnes() {
        return EndpointMatrix.hidesOtherTenants(Endpoints.ALL, Directory.AUDIENCE, "coordinator", Directory.ids(A), Endpoints::body);
    }

    @Test
    void busyBlocksAreDeletedBySchedulersAndTheInterviewerThemselfOnly() {
        Map<String, String> ids = Directory.ids(A);
        String path = "/v1/interviewers/" + ids.get("interviewerId") + "/busy-blocks/";
        for (String role : EndpointMatrix.ALL_ROLES) {
            String blockId = Directory.created(Directory.coordinator(A).body(Directory.busyBlockBody())
                    .post("/v1/interviewers/" + ids.get("interviewerId") + "/busy-blocks"));
            int expected = Endpoints.SCHEDULERS_AND_SELF.contains(role) ? 204 : 403;
            Directory.as(A, Directory.LINKED_INTERVIEWER, role).delete(path + blockId).then().statusCode(expected);
        }
        // An interviewer who is not this person cannot touch their time off.
        String blockId = Directory.created(Directory.coordinator(A).body(Directory.busyBlockBody())
                .post("/v1/interviewers/" + ids.get("interviewerId") + "/busy-blocks"));
        Directory.as(A, "someone-else", "interviewer").delete(path + blockId).then().statusCode(404);
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
}
