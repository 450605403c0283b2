package dev.secondround.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jobs and applications in the real candidate service (started by {@link CandidateServiceTestResource}),
 * created through its API as a recruiter would: the scheduling and feedback services check them live
 * or change their stage, so their tests need real ones. The job's hiring manager is the test user
 * {@code siobhan} ({@link #HIRING_MANAGER}).
 */
public final class Applications {

    public static final String CANDIDATE_NAME = "Dana Okonkwo-Lindqvist";
    public static final String JOB_TITLE = "Senior Backend Engineer (Java)";
    /** Test username of the hiring manager of the jobs made here (subject: {@code TestTokens.subjectOf(tenant, HIRING_MANAGER)}). */
    public static final String HIRING_MANAGER = "siobhan";
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
        return appliedTo(tenant, jobOf(tenant));
    }

    /** Hands the job to another hiring manager (test user {@code hiringManagerUsername}), as a recruiter would. */
    public static void changeHiringManager(String tenant, String jobId, String hiringManagerUsername) {
        io.restassured.response.ExtractableResponse<Response> job = recruiter(tenant).get("/v1/jobs/" + jobId).then().statusCode(200).extract();
        io.restassured.path.json.JsonPath current = job.jsonPath();
        List<Map<String, Object>> plan = new java.util.ArrayList<>();
        for (Map<String, Object> round : current.<Map<String, Object>>getList("interviewPlan")) {
            plan.add(Map.of("number", round.get("number"), "name", round.get("name"), "kind", round.get("kind")));
        }
        recruiter(tenant).header("If-Match", job.header("ETag")).body(Map.of("clientId", current.getString("clientId"),
                        "title", current.getString("title"),
                        "hiringManager", Map.of("subject", TestTokens.subjectOf(tenant, hiringManagerUsername),
                                "name", hiringManagerUsername, "email", hiringManagerUsername + "@helix.example"),
                        "interviewPlan", plan))
                .put("/v1/jobs/" + jobId).then().statusCode(200);
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

    /** The job all of a tenant's applications here are for (created on first use). */
    public static String jobOf(String tenant) {
        return JOB_PER_TENANT.computeIfAbsent(tenant, Applications::createJob);
    }

    /** A fresh job (own client) whose hiring manager is the test user {@code hiringManagerUsername}. */
    public static String newJob(String tenant, String hiringManagerUsername) {
        String clientId = created(recruiter(tenant).body(Map.of("name", "Helix Robotics " + unique(),
                "industry", "Industrial automation")).post("/v1/clients"));
        return created(recruiter(tenant).body(Map.of("clientId", clientId, "title", JOB_TITLE,
                "hiringManager", Map.of("subject", TestTokens.subjectOf(tenant, hiringManagerUsername), "name", "Siobhán Ní Bhriain",
                        "email", hiringManagerUsername + "@helix.example"),
                "interviewPlan", List.of(
                        Map.of("number", 1, "name", "First interview", "kind", "FIRST_INTERVIEW"),
                        Map.of("number", 2, "name", "Second round: onsite loop", "kind", "ONSITE_LOOP"),
                        Map.of("number", 3, "name", "Final with the VP", "kind", "EXECUTIVE")))).post("/v1/jobs"));
    }

    /** A fresh application for {@code jobId} (its own candidate), still at APPLIED. */
    public static String appliedTo(String tenant, String jobId) {
        String candidateId = created(recruiter(tenant).body(Map.of("firstName", "Dana", "lastName", "Okonkwo-Lindqvist",
                "email", "dana." + unique() + "@example.org", "source", "REFERRAL")).post("/v1/candidates"));
        return created(recruiter(tenant).body(Map.of("candidateId", candidateId, "jobId", jobId)).post("/v1/applications"));
    }

    /** The application as the candidate service has it now (stage, currentRound...). */
    public static io.restassured.path.json.JsonPath read(String tenant, String applicationId) {
        return recruiter(tenant).get("/v1/applications/" + applicationId).then().statusCode(200).extract().jsonPath();
    }

    private static String unique() {
        return java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static String createJob(String tenant) {
        return newJob(tenant, HIRING_MANAGER);
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
