package dev.secondround.candidate.testsupport;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Object mother: builds realistic pipeline data through the public API, as a recruiter would, and
 * returns the ids. Unique names and emails per call, so tests never depend on each other.
 */
public final class Pipeline {

    public static final String HIRING_MANAGER = "siobhan";

    private Pipeline() {
    }

    public static Map<String, Object> clientBody() {
        return Map.of("name", "Helix Robotics " + unique(),
                "industry", "Industrial automation",
                "contacts", List.of(Map.of("name", "Margarethe Oyelaran-Kowalski", "title", "Head of Talent",
                        "email", "m.oyelaran@helix.example")));
    }

    public static Map<String, Object> jobBody(String tenant, String clientId) {
        return Map.of("clientId", clientId,
                "title", "Senior Backend Engineer (Java)",
                "department", "Platform Engineering",
                "location", "Berlin, hybrid",
                "hiringManager", Map.of("subject", Api.subjectOf(tenant, HIRING_MANAGER), "name", "Siobhán Ní Bhriain",
                        "email", "siobhan@helix.example"),
                "interviewPlan", List.of(
                        Map.of("number", 1, "name", "First interview", "kind", "FIRST_INTERVIEW"),
                        Map.of("number", 2, "name", "Second round: onsite loop", "kind", "ONSITE_LOOP"),
                        Map.of("number", 3, "name", "Final with the VP", "kind", "EXECUTIVE")));
    }

    public static Map<String, Object> candidateBody() {
        String unique = unique();
        return Map.of("firstName", "Dana", "lastName", "Okonkwo-Lindqvist",
                "email", "dana." + unique + "@example.org",
                "source", "REFERRAL",
                "tags", List.of("java", "relocation-ok"));
    }

    public static String createClient(String tenant) {
        return created(Api.recruiter(tenant).body(clientBody()).post("/v1/clients"));
    }

    public static String createJob(String tenant) {
        return created(Api.recruiter(tenant).body(jobBody(tenant, createClient(tenant))).post("/v1/jobs"));
    }

    public static String createCandidate(String tenant) {
        return created(Api.recruiter(tenant).body(candidateBody()).post("/v1/candidates"));
    }

    public static String createApplication(String tenant) {
        return createApplication(tenant, createCandidate(tenant), createJob(tenant));
    }

    public static String createApplication(String tenant, String candidateId, String jobId) {
        return created(Api.recruiter(tenant).body(Map.of("candidateId", candidateId, "jobId", jobId)).post("/v1/applications"));
    }

    public static String createDebrief(String tenant, String applicationId, String visibility) {
        return created(Api.recruiter(tenant)
                .body(Map.of("round", 1, "wentWell", "Clear walkthrough of the payments migration",
                        "struggledWith", "Consistency trade-offs", "emphasiseNextRound", "On-call ownership story",
                        "visibility", visibility))
                .post("/v1/applications/" + applicationId + "/debriefs"));
    }

    public static String createFollowUp(String tenant, String applicationId) {
        return created(Api.recruiter(tenant)
                .body(Map.of("round", 1, "interviewerName", "Joaquín Fernández-Ibarra", "kind", "THANK_YOU_NOTE",
                        "sentOn", "2026-11-20"))
                .post("/v1/applications/" + applicationId + "/follow-ups"));
    }

    /** Moves an application to round {@code round} step by step, as recruiters do. */
    public static void advanceToRound(String tenant, String applicationId, int round) {
        for (int r = 1; r <= round; r++) {
            String etag = Api.recruiter(tenant).get("/v1/applications/" + applicationId).then().statusCode(200)
                    .extract().header("ETag");
            Api.recruiter(tenant).header("If-Match", etag).body(Map.of("to", "ROUND", "round", r))
                    .post("/v1/applications/" + applicationId + "/stage-changes").then().statusCode(200);
        }
    }

    public static String created(Response response) {
        response.then().statusCode(201);
        return response.jsonPath().getString("id");
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
