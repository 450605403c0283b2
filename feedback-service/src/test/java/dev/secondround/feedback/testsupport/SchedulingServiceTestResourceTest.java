package dev.secondround.feedback.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondround.testing.Applications;
import dev.secondround.testing.CandidateServiceTestResource;
import dev.secondround.testing.SchedulingServiceTestResource;
import dev.secondround.testing.TestTokens;
import dev.secondround.testing.TokenServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The test infrastructure for what the scheduling service tells this service, and the sync end to
 * end: the real scheduling and candidate services run, this application listens on the port they
 * were given, the test token endpoint's service tokens are accepted here and by the candidate
 * service, and a loop booked in the scheduling service reaches this service through scheduling's
 * outbox with such a token and opens the participant's feedback request.
 */
@QuarkusTest
@QuarkusTestResource(value = SchedulingServiceTestResource.class, restrictToAnnotatedClass = true)
class SchedulingServiceTestResourceTest {

    private static final String A = TestTokens.TENANT_A;

    @Test
    void thisApplicationListensWhereTheSchedulingServiceSendsLoops() {
        assertEquals(SchedulingServiceTestResource.applicationPort(), RestAssured.port, "quarkus.http.test-port from the resource");
        given().baseUri("http://localhost").port(SchedulingServiceTestResource.applicationPort())
                .get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void serviceTokensFromTheTestTokenEndpointCarryTheTenantAndAreAcceptedHereAndByTheCandidateService() {
        String token = serviceToken("ambrion-services", "ambrion-services-secret");
        given().auth().oauth2(token).get("/v1/me").then().statusCode(200)
                .body("tenant", equalTo(A)).body("roles", hasItems("platform_service", "integration"));
        given().auth().oauth2(serviceToken("northwind-services", "northwind-services-secret")).get("/v1/me").then().statusCode(200)
                .body("tenant", equalTo(TestTokens.TENANT_B));
        // integration lets a platform service move an application, as an ATS may.
        String applicationId = Applications.inRound(A, 1);
        String etag = at(CandidateServiceTestResource.url()).auth().oauth2(token).get("/v1/applications/" + applicationId)
                .then().statusCode(200).extract().header("ETag");
        at(CandidateServiceTestResource.url()).auth().oauth2(token).header("If-Match", etag)
                .body(Map.of("to", "ROUND", "round", 2)).post("/v1/applications/" + applicationId + "/stage-changes")
                .then().statusCode(200);
        // A wrong secret is refused as Keycloak refuses it.
        given().baseUri(TokenServer.shared().tokenUrl()).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", "ambrion-services")
                .formParam("client_secret", "northwind-services-secret").post()
                .then().statusCode(401).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void aLoopBookedInTheSchedulingServiceReachesThisServiceWithAServiceTokenAndOpensFeedbackRequests() throws Exception {
        String applicationId = Applications.inRound(A, 2);
        RequestSpecification coordinator = at(SchedulingServiceTestResource.url())
                .auth().oauth2(TestTokens.token(A, "coordinator", "scheduling-service candidate-service", "coordinator"));
        String interviewerId = coordinator.body(Map.of("fullName", "Ingrid Solberg-Haugen", "title", "Head of Platform Engineering",
                        "roleKind", "HIRING_MANAGER", "email", "ingrid." + unique() + "@helix.example", "timeZone", "Europe/Berlin"))
                .post("/v1/interviewers").then().statusCode(201).extract().path("id");
        String day = "2027-09-07";
        Map<String, Object> plan = Map.of("applicationId", applicationId, "timeZone", "Europe/Berlin", "firstDay", day, "lastDay", day,
                "candidateAvailability", List.of(Map.of("start", day + "T06:00:00Z", "end", day + "T16:00:00Z")),
                "sessions", List.of(Map.of("id", "hiring-manager", "kind", "INTERVIEW", "durationMinutes", 45,
                        "interviewerIds", List.of(interviewerId), "room", "VIDEO")));
        String loopId = at(SchedulingServiceTestResource.url())
                .auth().oauth2(TestTokens.token(A, "coordinator", "scheduling-service candidate-service", "coordinator"))
                .body(Map.of("plan", plan, "option", Map.of("day", day, "sessions", List.of(Map.of("sessionId", "hiring-manager",
                        "start", day + "T08:00:00Z", "interviewerIds", List.of(interviewerId))))))
                .post("/v1/loops").then().statusCode(201).extract().path("id");

        // Scheduling's relay sends the loop here with a service token; this service opens Ingrid's request.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String[] row = loopFeedbackMessage(loopId);
        while (Instant.now().isBefore(deadline) && !"DELIVERED".equals(row[0])) {
            Thread.sleep(250);
            row = loopFeedbackMessage(loopId);
        }
        assertEquals("DELIVERED", row[0], "scheduling's loop-feedback message (status, attempts, last error): " + String.join(", ", row));
        Loops.recruiter(A).queryParam("loopId", loopId).get("/v1/feedback-requests").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].participant.interviewerId", equalTo(interviewerId))
                .body("items[0].participant.name", equalTo("Ingrid Solberg-Haugen"))
                .body("items[0].participant.roleKind", equalTo("HIRING_MANAGER"))
                .body("items[0].applicationId", equalTo(applicationId))
                .body("items[0].status", equalTo("OPEN"));
    }

    /** Status, attempts and last error of scheduling's message about the loop, read from its database. */
    private static String[] loopFeedbackMessage(String loopId) throws SQLException {
        var database = SchedulingServiceTestResource.database();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             PreparedStatement tenant = connection.prepareStatement("select set_config('app.tenant_id', ?, false)");
             PreparedStatement query = connection.prepareStatement("select status, attempts, last_error from scheduling.outbox_message "
                     + "where topic = 'loop-feedback' and payload ->> 'loopId' = ?")) {
            tenant.setString(1, A);
            tenant.execute();
            query.setString(1, loopId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? new String[] {result.getString(1), String.valueOf(result.getInt(2)), result.getString(3)}
                        : new String[] {"(no message)", "0", null};
            }
        }
    }

    private static String serviceToken(String clientId, String secret) {
        return given().baseUri(TokenServer.shared().tokenUrl()).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", clientId).formParam("client_secret", secret)
                .post().then().statusCode(200).body("token_type", equalTo("Bearer")).body("expires_in", equalTo(300))
                .extract().path("access_token");
    }

    private static RequestSpecification at(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return given().baseUri("http://" + uri.getHost()).port(uri.getPort()).contentType(ContentType.JSON);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
