package dev.secondround.scheduling.testsupport;

import static io.restassured.RestAssured.given;

import dev.secondround.testing.Applications;
import dev.secondround.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Object mother for the scheduling directory, built through the public API as a coordinator would. */
public final class Directory {

    /** Like a Keycloak token of the realm: good for this service and the candidate service it calls for the user. */
    public static final String AUDIENCE = "scheduling-service candidate-service";
    /** The username whose sign-in is linked to the interviewer entry that {@link #ids} creates. */
    public static final String LINKED_INTERVIEWER = "kwame";

    private Directory() {
    }

    public static RequestSpecification as(String tenant, String username, String role) {
        return given().auth().oauth2(TestTokens.token(tenant, username, AUDIENCE, role)).contentType(ContentType.JSON);
    }

    public static RequestSpecification coordinator(String tenant) {
        return as(tenant, "coordinator", "coordinator");
    }

    public static Map<String, Object> interviewerBody(String linkedUser, String tenant) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "fullName", "Kwame Mensah-Boateng",
                "title", "Senior Software Engineer",
                "roleKind", "PEER",
                "email", "kwame." + unique() + "@helix.example",
                "timeZone", "Europe/Berlin"));
        if (linkedUser != null) {
            body.put("oidcSubject", TestTokens.subjectOf(tenant, linkedUser));
        }
        return body;
    }

    public static Map<String, Object> busyBlockBody() {
        return Map.of("startsAt", "2026-12-01T00:00:00Z", "endsAt", "2026-12-03T00:00:00Z", "kind", "TIME_OFF", "summary", "Vacation");
    }

    public static Map<String, Object> poolBody(String... memberIds) {
        return Map.of("name", "java-technical-" + unique(), "description", "Java technical interviewers", "memberIds", List.of(memberIds));
    }

    public static Map<String, Object> roomBody() {
        return Map.of("name", "Fjord " + unique(), "kind", "IN_PERSON", "building", "Helix HQ", "floor", "3", "capacity", 6);
    }

    public static String ics() {
        return """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Second round tests//EN\r
                BEGIN:VEVENT\r
                UID:dentist-1@example.com\r
                DTSTAMP:20261101T000000Z\r
                DTSTART:20261202T130000Z\r
                DTEND:20261202T140000Z\r
                SUMMARY:Dentist\r
                END:VEVENT\r
                END:VCALENDAR\r
                """;
    }

    /** An interviewer linked to {@link #LINKED_INTERVIEWER}, one busy block, a pool and a room. */
    public static Map<String, String> ids(String tenant) {
        // One directory entry per tenant may carry the linked sign-in: reuse it once it exists.
        Response mine = as(tenant, LINKED_INTERVIEWER, "coordinator").get("/v1/interviewers/me");
        String interviewerId = mine.statusCode() == 200 ? mine.jsonPath().getString("id")
                : created(coordinator(tenant).body(interviewerBody(LINKED_INTERVIEWER, tenant)).post("/v1/interviewers"));
        String busyBlockId = created(coordinator(tenant).body(busyBlockBody())
                .post("/v1/interviewers/" + interviewerId + "/busy-blocks"));
        String poolId = created(coordinator(tenant).body(poolBody(interviewerId)).post("/v1/pools"));
        String roomId = created(coordinator(tenant).body(roomBody()).post("/v1/rooms"));
        String loopId = created(coordinator(tenant).body(loopBooking(tenant, interviewerId)).post("/v1/loops"));
        return Map.of("interviewerId", interviewerId, "busyBlockId", busyBlockId, "poolId", poolId, "roomId", roomId,
                "loopId", loopId, "applicationId", Applications.inRound(tenant));
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_SLOT = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A one-session video loop with the given interviewer in the next free test slot of 2027: one
     * weekday per booking, so bookings of the shared test interviewer never collide and never reach
     * the daily (3) or weekly (8) interview limits; as a plan plus the option to book.
     */
    public static Map<String, Object> loopBooking(String tenant, String interviewerId) {
        return loopBookingFor(Applications.inRound(tenant), interviewerId);
    }

    /** The same for a given application (in an interview round, without a live loop for it). */
    public static Map<String, Object> loopBookingFor(String applicationId, String interviewerId) {
        int slot = NEXT_SLOT.getAndIncrement();
        java.time.LocalDate day = java.time.LocalDate.of(2027, 1, 4).plusWeeks(slot / 5).plusDays(slot % 5);
        java.time.ZonedDateTime start = day.atTime(9 + slot % 7, 0).atZone(java.time.ZoneId.of("Europe/Berlin"));
        Map<String, Object> plan = Map.of("applicationId", applicationId, "timeZone", "Europe/Berlin", "firstDay", day.toString(), "lastDay", day.toString(),
                "candidateAvailability", List.of(Map.of("start", day.atStartOfDay(java.time.ZoneId.of("Europe/Berlin")).toInstant().toString(),
                        "end", day.plusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/Berlin")).toInstant().toString())),
                "sessions", List.of(Map.of("id", "chat", "kind", "INTERVIEW", "durationMinutes", 30,
                        "interviewerIds", List.of(interviewerId), "room", "VIDEO")));
        Map<String, Object> option = Map.of("day", day.toString(), "sessions", List.of(Map.of("sessionId", "chat",
                "start", start.toInstant().toString(), "interviewerIds", List.of(interviewerId))));
        return Map.of("title", "Second round: Dana Okonkwo-Lindqvist", "plan", plan, "option", option);
    }

    /** An interviewer with this exact name in the tenant's directory; returns the id. */
    public static String person(String tenant, String fullName) {
        Map<String, Object> body = new HashMap<>(interviewerBody(null, tenant));
        body.put("fullName", fullName);
        return created(coordinator(tenant).body(body).post("/v1/interviewers"));
    }

    /** The loop's current ETag, for If-Match. */
    public static String loopEtag(String tenant, String loopId) {
        return coordinator(tenant).get("/v1/loops/" + loopId).then().statusCode(200).extract().header("ETag");
    }

    public static String created(Response response) {
        response.then().statusCode(201);
        return response.jsonPath().getString("id");
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
