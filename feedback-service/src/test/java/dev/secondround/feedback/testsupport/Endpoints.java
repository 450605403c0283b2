package dev.secondround.feedback.testsupport;

import dev.secondround.feedback.testsupport.Loops.BookedLoop;
import dev.secondround.testing.Applications;
import dev.secondround.testing.EndpointMatrix;
import dev.secondround.testing.EndpointMatrix.Endpoint;
import dev.secondround.testing.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every feedback-service operation and who may call it; FeedbackSecurityTest checks the table against
 * the published OpenAPI. Role checks use the participant "aiko" (who has submitted) for every role, so
 * object rules pass and only the role decides; the matrix loop's job is aiko's too, so as a hiring
 * manager she may decide and read decisions.
 */
public final class Endpoints {

    public static final Set<String> EVERYONE = Set.copyOf(EndpointMatrix.ALL_ROLES);
    public static final Set<String> TEMPLATE_WRITERS = Set.of("recruiter", "tenant_admin", "integration");
    public static final Set<String> PARTICIPANTS = Set.of("hiring_manager", "interviewer", "recruiter", "coordinator", "tenant_admin");
    public static final Set<String> SCORECARD_READERS = Set.of("recruiter", "hiring_manager", "interviewer", "tenant_admin", "integration");
    /** Who chases missing feedback: everyone but interviewers (hiring managers for the jobs they manage). */
    public static final Set<String> STATUS_READERS = Set.of("coordinator", "recruiter", "hiring_manager", "tenant_admin", "integration");
    public static final Set<String> DECIDERS = Set.of("hiring_manager", "recruiter", "tenant_admin");
    public static final Set<String> DECISION_READERS = Set.of("hiring_manager", "recruiter", "tenant_admin", "integration");
    /** The user every role signs in as in the role matrix. */
    public static final String USER = "aiko";

    private Endpoints() {
    }

    public static final List<Endpoint> ALL = List.of(
            new Endpoint("GET", "/v1/me", EVERYONE, false),
            new Endpoint("GET", "/v1/feedback-policy", EVERYONE, false),
            new Endpoint("PUT", "/v1/feedback-policy", Set.of("tenant_admin"), true),
            new Endpoint("POST", "/v1/scorecard-templates", TEMPLATE_WRITERS, false),
            new Endpoint("GET", "/v1/scorecard-templates", EVERYONE, false),
            new Endpoint("GET", "/v1/scorecard-templates/{templateId}", EVERYONE, false),
            new Endpoint("PUT", "/v1/scorecard-templates/{templateId}", TEMPLATE_WRITERS, true),
            new Endpoint("PUT", "/v1/loops/{loopId}", Set.of(), false),
            new Endpoint("GET", "/v1/feedback-requests", EVERYONE, false),
            new Endpoint("GET", "/v1/feedback-requests/{requestId}", EVERYONE, false),
            new Endpoint("PUT", "/v1/feedback-requests/{requestId}/scorecard", PARTICIPANTS, true),
            new Endpoint("POST", "/v1/feedback-requests/{requestId}/scorecard/submission", PARTICIPANTS, true),
            new Endpoint("GET", "/v1/feedback-requests/{requestId}/scorecard", SCORECARD_READERS, false),
            new Endpoint("GET", "/v1/scorecards", SCORECARD_READERS, false),
            new Endpoint("GET", "/v1/scorecards/{scorecardId}", SCORECARD_READERS, false),
            new Endpoint("GET", "/v1/scorecards/{scorecardId}/revisions", SCORECARD_READERS, false),
            new Endpoint("GET", "/v1/loops/{loopId}/feedback-status", STATUS_READERS, false),
            new Endpoint("GET", "/v1/applications/{applicationId}/feedback-status", STATUS_READERS, false),
            new Endpoint("GET", "/v1/feedback-requests/{requestId}/notifications", EVERYONE, false),
            new Endpoint("POST", "/v1/applications/{applicationId}/decisions", DECIDERS, false),
            new Endpoint("GET", "/v1/applications/{applicationId}/decisions", DECISION_READERS, false),
            new Endpoint("GET", "/v1/decisions", DECISION_READERS, false),
            new Endpoint("GET", "/v1/decisions/{decisionId}", DECISION_READERS, false),
            new Endpoint("POST", "/v1/decisions/{decisionId}/delivery", DECIDERS, false),
            new Endpoint("GET", "/v1/applications/{applicationId}/feedback-summary", SCORECARD_READERS, false),
            new Endpoint("GET", "/v1/jobs/{jobId}/feedback-comparison", Set.of("recruiter", "hiring_manager", "tenant_admin", "integration"), false));

    private static final Map<String, Map<String, String>> IDS = new HashMap<>();
    private static final Map<String, BookedLoop> LOOPS = new HashMap<>();

    /** Real objects of the tenant: a synced loop (of a job aiko manages) whose participant aiko has submitted, a template, a decision. */
    public static synchronized Map<String, String> ids(String tenant) {
        return IDS.computeIfAbsent(tenant, t -> {
            String jobId = Applications.newJob(t, USER);
            BookedLoop loop = Loops.standard(t, inRound2(t, jobId), jobId, 2, Instant.now().minus(1, ChronoUnit.DAYS));
            Loops.sync(t, loop.snapshot()).then().statusCode(204);
            LOOPS.put(t, loop);
            String scorecardId = Loops.submit(loop, USER, 3, "YES");
            String templateId = Loops.recruiter(t).body(templateBody("Matrix template " + java.util.UUID.randomUUID()))
                    .post("/v1/scorecard-templates").then().statusCode(201).extract().jsonPath().getString("id");
            Map<String, String> ids = new HashMap<>();
            ids.put("loopId", loop.loopId().toString());
            ids.put("applicationId", loop.applicationId());
            ids.put("jobId", loop.jobId());
            ids.put("requestId", Loops.requestOf(loop, USER));
            ids.put("scorecardId", scorecardId);
            ids.put("templateId", templateId);
            ids.put("decisionId", Decisions.decide(Loops.recruiter(t), loop.applicationId(), "FINALIST", "Matrix decision"));
            return ids;
        });
    }

    private static String inRound2(String tenant, String jobId) {
        String applicationId = Applications.appliedTo(tenant, jobId);
        Applications.moveTo(tenant, applicationId, Map.of("to", "ROUND", "round", 1));
        Applications.moveTo(tenant, applicationId, Map.of("to", "ROUND", "round", 2));
        return applicationId;
    }

    public static BookedLoop loop(String tenant) {
        ids(tenant);
        return LOOPS.get(tenant);
    }

    public static Object body(Endpoint endpoint, String tenant, Map<String, String> ids) {
        return switch (endpoint.toString()) {
            case "PUT /v1/feedback-policy" -> Map.of("antiAnchoring", "AFTER_SUBMITTING", "dueHoursAfterLoop", 24,
                    "reminderEveryHours", 24, "escalateAfterHours", 48);
            case "POST /v1/scorecard-templates" -> templateBody("Template " + java.util.UUID.randomUUID());
            case "PUT /v1/scorecard-templates/{templateId}" -> templateBody("Matrix template " + ids.get("templateId"));
            case "PUT /v1/loops/{loopId}" -> LOOPS.containsKey(tenant) ? LOOPS.get(tenant).snapshot() : LOOPS.values().iterator().next().snapshot();
            case "PUT /v1/feedback-requests/{requestId}/scorecard" -> Map.of("ratings", fullRatings(), "recommendation", "YES",
                    "changeReason", "matrix");
            case "POST /v1/applications/{applicationId}/decisions" -> Map.of("outcome", "FINALIST", "rationale", "matrix");
            default -> null;
        };
    }

    /** Every attribute of the standard full form, rated 3. */
    public static Map<String, Integer> fullRatings() {
        Map<String, Integer> ratings = new HashMap<>();
        for (String key : List.of("depth_of_experience", "job_knowledge", "soft_skills", "communication", "team_fit", "culture_fit",
                "professional_demeanour", "enthusiasm")) {
            ratings.put(key, 3);
        }
        return ratings;
    }

    public static Map<String, Object> templateBody(String name) {
        return Map.of("name", name, "form", "FULL", "sessionKinds", List.of("TECHNICAL"),
                "attributes", List.of(Map.of("key", "system_design", "name", "System design", "description", "Designs for failure"),
                        Map.of("key", "communication", "name", "Communication")),
                "keyQuestions", List.of("Would you want them on call with you?"),
                "active", false);
    }

    public static String tenantA() {
        return TestTokens.TENANT_A;
    }
}
