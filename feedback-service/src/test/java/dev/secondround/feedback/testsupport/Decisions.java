package dev.secondround.feedback.testsupport;

import static io.restassured.RestAssured.given;

import dev.secondround.testing.CandidateServiceTestResource;
import dev.secondround.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Decisions as a hiring manager or recruiter makes them, and what the candidate service then shows. */
public final class Decisions {

    private Decisions() {
    }

    /** POSTs a decision as {@code who} and returns its id (201 expected). */
    public static String decide(RequestSpecification who, String applicationId, String outcome, String rationale) {
        return who.body(Map.of("outcome", outcome, "rationale", rationale))
                .post("/v1/applications/" + applicationId + "/decisions")
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** The decision as a recruiter reads it. */
    public static JsonPath read(String tenant, String decisionId) {
        return Loops.recruiter(tenant).get("/v1/decisions/" + decisionId).then().statusCode(200).extract().jsonPath();
    }

    /** Polls until the decision's delivery is no longer PENDING (the relay runs every second in tests). */
    public static JsonPath awaitSettled(String tenant, String decisionId, Duration within) {
        return await(tenant, decisionId, within, d -> !"PENDING".equals(d.getString("delivery.status")), "settled");
    }

    /** Polls until the decision satisfies {@code condition}. */
    public static JsonPath await(String tenant, String decisionId, Duration within, java.util.function.Predicate<JsonPath> condition,
                                 String what) {
        Instant deadline = Instant.now().plus(within);
        JsonPath decision = read(tenant, decisionId);
        while (!condition.test(decision)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("decision " + decisionId + " not " + what + " within " + within + ": " + decision.prettify());
            }
            sleep(250);
            decision = read(tenant, decisionId);
        }
        return decision;
    }

    /** The application's stage history in the candidate service, oldest first. */
    public static List<Map<String, Object>> stageChanges(String tenant, String applicationId) {
        return candidateService(tenant).queryParam("limit", 100).get("/v1/applications/" + applicationId + "/stage-changes")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static RequestSpecification candidateService(String tenant) {
        URI url = URI.create(CandidateServiceTestResource.url());
        return given().baseUri("http://" + url.getHost()).port(url.getPort())
                .auth().oauth2(TestTokens.token(tenant, "recruiter", CandidateServiceTestResource.AUDIENCE, "recruiter"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
