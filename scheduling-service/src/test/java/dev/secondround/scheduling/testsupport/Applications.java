package dev.secondround.scheduling.testsupport;

import static io.restassured.RestAssured.given;

import dev.secondround.testing.CandidateServiceTestResource;
import dev.secondround.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applications in the real candidate service (started by {@link TestInfrastructure}), created through
 * its API as a recruiter would: scheduling checks them live, so tests need real ones.
 */
public final class Applications {

    public static final String CANDIDATE_NAME = "Dana Okonkwo-Lindqvist";
    public static final String JOB_TITLE = "Senior Backend Engineer (Java)";
    private static final Map<String, String> JOB_PER_TENANT = new ConcurrentHashMap<>();

    private Applications() {
    }

    /** A fresh application (its own candidate) moved to {@code round}: scheduling allows one live loop per round. */
    public static String inRound(String tenant, int round) {
        String applicationId = applied(tenant);
        for (int r = 1; r <= round; r++) {
            moveTo(tenant, applicationId, Map.of("to", "ROUND", "round", r));
        }
        return applicationId;
    }

    public static String inRound(String tenant) {
        return inRound(tenant, 2);
    }

    /** A fresh application still at APPLIED: not in an interview round. */
    public static String applied(String tenant) {
        String jobId = JOB_PER_TENANT.computeIfAbsent(tenant, Applications::createJob);
        String candidateId = created(recruiter(tenant).body(Map.of("firstName", "Dana", "lastName", "Okonkwo-Lindqvist",
                "email", "dana." + Directory.unique() + "@example.org", "source", "REFERRAL")).post("/v1/candidates"));
        return created(recruiter(tenant).body(Map.of("candidateId", candidateId, "jobId", jobId)).post("/v1/applications"));
    }

    public static void moveTo(String tenant, String applicationId, Map<String, Object> stageChange) {
        String etag = recruiter(tenant).get("/v1/applications/" + applicationId).then().statusCode(200).extract().header("ETag");
        recruiter(tenant).header("If-Match", etag).body(stageChange)
                .post("/v1/applications/" + applicationId + "/stage-changes").then().statusCode(200);
    }

    public static String emailOfCandidate(String tenant, String applicationId) {
        String candidateId = recruiter(tenant).get("/v1/applications/" + applicationId).jsonPath().getString("candidate.id");
        return recruiter(tenant).get("/v1/candidates/" + candidateId).jsonPath().getString("email");
    }

    private static String createJob(String tenant) {
        String clientId = created(recruiter(tenant).body(Map.of("name", "Helix Robotics " + Directory.unique(),
                "industry", "Industrial automation")).post("/v1/clients"));
        return created(recruiter(tenant).body(Map.of("clientId", clientId, "title", JOB_TITLE,
                "hiringManager", Map.of("subject", TestTokens.subjectOf(tenant, "siobhan"), "name", "Siobhán Ní Bhriain",
                        "email", "siobhan@helix.example"),
                "interviewPlan", List.of(
                        Map.of("number", 1, "name", "First interview", "kind", "FIRST_INTERVIEW"),
                        Map.of("number", 2, "name", "Second round: onsite loop", "kind", "ONSITE_LOOP"),
                        Map.of("number", 3, "name", "Final with the VP", "kind", "EXECUTIVE")))).post("/v1/jobs"));
    }

    private static RequestSpecification recruiter(String tenant) {
        java.net.URI candidateService = java.net.URI.create(CandidateServiceTestResource.url());
        return given().baseUri("http://" + candidateService.getHost()).port(candidateService.getPort())
                .auth().oauth2(TestTokens.token(tenant, "recruiter", CandidateServiceTestResource.AUDIENCE, "recruiter"))
                .contentType(ContentType.JSON);
    }

    private static String created(Response response) {
        response.then().log().ifValidationFails().statusCode(201);
        return response.jsonPath().getString("id");
    }
}
