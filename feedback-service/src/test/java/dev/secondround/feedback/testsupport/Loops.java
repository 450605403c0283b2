package dev.secondround.feedback.testsupport;

import static io.restassured.RestAssured.given;

import dev.secondround.testing.Applications;
import dev.secondround.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Booked loops as the scheduling service sends them (PUT /v1/loops/{id} with a platform-service
 * token), for real applications of a real job in the candidate service whose hiring manager is
 * {@link Applications#HIRING_MANAGER}. The standard loop: the hiring manager's interview, a
 * technical interview, a two-peer panel, a tour and a lunch (hosted by a peer and the tour guide).
 */
public final class Loops {

    public static final String AUDIENCE = "feedback-service";
    public static final String HIRING_MANAGER = Applications.HIRING_MANAGER;
    /** Usernames of the standard loop's participants, with the role each signs in with. */
    public static final Map<String, String> PARTICIPANTS = Map.of(
            HIRING_MANAGER, "hiring_manager", "tomasz", "interviewer", "aiko", "interviewer", "femi", "interviewer",
            "guide", "interviewer", "lunchhost", "interviewer");

    private Loops() {
    }

    /** One loop as sent: the ids, and the interviewer id of each participant (by username). */
    public record BookedLoop(String tenant, UUID loopId, String applicationId, String jobId, int round,
                             Map<String, UUID> interviewers, Map<String, Object> snapshot) {

        public UUID interviewerOf(String username) {
            return interviewers.get(username);
        }
    }

    /** The standard loop for a fresh application of the tenant's test job in round 2, held yesterday, synced. */
    public static BookedLoop booked(String tenant) {
        String applicationId = Applications.inRound(tenant, 2);
        BookedLoop loop = standard(tenant, applicationId, Applications.jobOf(tenant), 2, Instant.now().minus(1, ChronoUnit.DAYS));
        sync(tenant, loop.snapshot()).then().statusCode(204);
        return loop;
    }

    /** The standard loop (not yet sent) for an application and round, starting at {@code start}. */
    public static BookedLoop standard(String tenant, String applicationId, String jobId, int round, Instant start) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (String username : List.of(HIRING_MANAGER, "tomasz", "aiko", "femi", "guide", "lunchhost")) {
            ids.put(username, UUID.randomUUID());
        }
        Instant t = start.truncatedTo(ChronoUnit.MINUTES);
        List<Map<String, Object>> sessions = new ArrayList<>();
        sessions.add(session("hm", "Meet the hiring manager", "INTERVIEW", t, 45, participant(tenant, HIRING_MANAGER, ids, "HIRING_MANAGER")));
        sessions.add(session("tech", "Technical deep dive", "TECHNICAL", t.plus(45, ChronoUnit.MINUTES), 60,
                participant(tenant, "tomasz", ids, "TECHNICAL_CONSULTANT")));
        sessions.add(session("panel", "Peer panel", "PANEL", t.plus(105, ChronoUnit.MINUTES), 45,
                participant(tenant, "aiko", ids, "PEER"), participant(tenant, "femi", ids, "PEER")));
        sessions.add(session("tour", "Department tour", "TOUR", t.plus(150, ChronoUnit.MINUTES), 30,
                participant(tenant, "guide", ids, "TOUR_GUIDE")));
        sessions.add(session("lunch", "Lunch with the team", "LUNCH", t.plus(180, ChronoUnit.MINUTES), 60,
                participant(tenant, "lunchhost", ids, "PEER"), participant(tenant, "guide", ids, "TOUR_GUIDE")));
        Map<String, Object> snapshot = new LinkedHashMap<>();
        UUID loopId = UUID.randomUUID();
        snapshot.put("loopId", loopId.toString());
        snapshot.put("version", 1);
        snapshot.put("status", "BOOKED");
        snapshot.put("applicationId", applicationId);
        snapshot.put("candidateId", UUID.randomUUID().toString());
        snapshot.put("candidateName", Applications.CANDIDATE_NAME);
        snapshot.put("jobId", jobId);
        snapshot.put("jobTitle", Applications.JOB_TITLE);
        snapshot.put("round", round);
        snapshot.put("roundName", "Second round: onsite loop");
        snapshot.put("timeZone", "Europe/Berlin");
        snapshot.put("day", t.toString().substring(0, 10));
        snapshot.put("startsAt", t.toString());
        snapshot.put("endsAt", t.plus(240, ChronoUnit.MINUTES).toString());
        snapshot.put("sessions", sessions);
        return new BookedLoop(tenant, loopId, applicationId, jobId, round, ids, snapshot);
    }

    /** The same loop at a later version with {@code username} replaced by a new person {@code by}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> replaced(BookedLoop loop, String username, String by, int version) {
        Map<String, Object> next = new LinkedHashMap<>(loop.snapshot());
        next.put("version", version);
        UUID newId = UUID.randomUUID();
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) loop.snapshot().get("sessions")) {
            Map<String, Object> copy = new LinkedHashMap<>(s);
            List<Map<String, Object>> people = new ArrayList<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) s.get("participants")) {
                people.add(p.get("interviewerId").equals(loop.interviewerOf(username).toString())
                        ? person(loop.tenant(), by, newId, (String) p.get("roleKind")) : p);
            }
            copy.put("participants", people);
            sessions.add(copy);
        }
        next.put("sessions", sessions);
        return next;
    }

    public static Map<String, Object> cancelled(BookedLoop loop, int version) {
        Map<String, Object> next = new LinkedHashMap<>(loop.snapshot());
        next.put("version", version);
        next.put("status", "CANCELLED");
        return next;
    }

    /** PUT the snapshot as the scheduling service's outbox does, with that tenant's service token. */
    public static io.restassured.response.Response sync(String tenant, Map<String, Object> snapshot) {
        return given().auth().oauth2(serviceToken(tenant)).contentType(ContentType.JSON).body(snapshot)
                .put("/v1/loops/" + snapshot.get("loopId"));
    }

    /** The token of a tenant's platform service account (like Keycloak's {@code <tenant>-services} client). */
    public static String serviceToken(String tenant) {
        return TestTokens.token(tenant, tenant + "-services", "feedback-service candidate-service", "platform_service", "integration");
    }

    /** A participant of the standard loop, signed in with their usual role. */
    public static RequestSpecification as(String tenant, String username) {
        return as(tenant, username, PARTICIPANTS.getOrDefault(username, "interviewer"));
    }

    public static RequestSpecification as(String tenant, String username, String... roles) {
        return given().auth().oauth2(TestTokens.token(tenant, username, AUDIENCE, roles)).contentType(ContentType.JSON);
    }

    public static RequestSpecification recruiter(String tenant) {
        return as(tenant, "recruiter", "recruiter");
    }

    /** The id of {@code username}'s feedback request for the loop (read as a recruiter). */
    public static String requestOf(BookedLoop loop, String username) {
        List<Map<String, Object>> items = recruiter(loop.tenant()).queryParam("loopId", loop.loopId()).queryParam("limit", 100)
                .get("/v1/feedback-requests").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(r -> ((Map<?, ?>) r.get("participant")).get("interviewerId").equals(loop.interviewerOf(username).toString()))
                .map(r -> (String) r.get("id")).findFirst().orElseThrow(() -> new AssertionError("no request for " + username));
    }

    /** Saves and submits {@code username}'s complete scorecard: every attribute of their form at {@code rating}. */
    public static String submit(BookedLoop loop, String username, int rating, String recommendation) {
        return submit(loop, username, Map.of(), rating, recommendation);
    }

    /** As {@link #submit(BookedLoop, String, int, String)}, with some attributes rated differently. */
    public static String submit(BookedLoop loop, String username, Map<String, Integer> overrides, int rating, String recommendation) {
        String requestId = requestOf(loop, username);
        List<String> keys = as(loop.tenant(), username).get("/v1/feedback-requests/" + requestId).then().statusCode(200)
                .extract().jsonPath().getList("template.attributes.key");
        Map<String, Integer> ratings = new LinkedHashMap<>();
        keys.forEach(k -> ratings.put(k, overrides.getOrDefault(k, rating)));
        String etag = as(loop.tenant(), username).body(Map.of("ratings", ratings, "recommendation", recommendation,
                        "notes", username + " met the candidate"))
                .put("/v1/feedback-requests/" + requestId + "/scorecard").then().statusCode(200).extract().header("ETag");
        return as(loop.tenant(), username).header("If-Match", etag).post("/v1/feedback-requests/" + requestId + "/scorecard/submission")
                .then().statusCode(200).extract().jsonPath().getString("id");
    }

    private static Map<String, Object> session(String key, String title, String kind, Instant start, int minutes,
                                               Map<String, Object>... participants) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("sessionKey", key);
        session.put("title", title);
        session.put("kind", kind);
        session.put("startsAt", start.toString());
        session.put("endsAt", start.plus(minutes, ChronoUnit.MINUTES).toString());
        session.put("participants", List.of(participants));
        return session;
    }

    private static Map<String, Object> participant(String tenant, String username, Map<String, UUID> ids, String roleKind) {
        return person(tenant, username, ids.get(username), roleKind);
    }

    private static Map<String, Object> person(String tenant, String username, UUID interviewerId, String roleKind) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("interviewerId", interviewerId.toString());
        p.put("fullName", Character.toUpperCase(username.charAt(0)) + username.substring(1) + " Testperson");
        p.put("title", roleKind.replace('_', ' ').toLowerCase());
        p.put("roleKind", roleKind);
        p.put("email", username + "@helix.example");
        p.put("oidcSubject", TestTokens.subjectOf(tenant, username));
        return p;
    }
}
