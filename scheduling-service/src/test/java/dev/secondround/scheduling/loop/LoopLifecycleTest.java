package dev.secondround.scheduling.loop;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondround.testing.Applications;
import dev.secondround.scheduling.testsupport.Directory;
import dev.secondround.testing.PostgresTestResource;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A loop belongs to an application the candidate service confirms, live, with the caller's token;
 * and it goes DRAFT → PROPOSED → BOOKED → (IN_PROGRESS → COMPLETED by the clock) or CANCELLED.
 */
@QuarkusTest
class LoopLifecycleTest {

    private static final String A = TestTokens.TENANT_A;
    private static final String B = TestTokens.TENANT_B;

    @Test
    void unknownAndOtherTenantsApplicationsAreNotFoundTheSameWay() {
        String interviewer = Directory.person(A, "Ingrid Solberg-Haugen");
        String theirs = Applications.inRound(B);
        var foreign = Directory.coordinator(A).body(plan(theirs, interviewer, day())).post("/v1/loop-plans").then()
                .statusCode(404).body("detail", equalTo("application not found")).extract().jsonPath();
        var missing = Directory.coordinator(A).body(plan(UUID.randomUUID().toString(), interviewer, day())).post("/v1/loop-plans")
                .then().statusCode(404).extract().jsonPath();
        assertEquals(missing.getString("detail"), foreign.getString("detail"));
        assertEquals(missing.getString("type"), foreign.getString("type"));
        Directory.coordinator(A).body(Directory.loopBookingFor(theirs, interviewer)).post("/v1/loops").then().statusCode(404);
    }

    @Test
    void anApplicationNotInAnInterviewRoundCannotBeScheduled() {
        String interviewer = Directory.person(A, "Ingrid Solberg-Haugen");
        String applied = Applications.applied(A);
        Directory.coordinator(A).body(plan(applied, interviewer, day())).post("/v1/loop-plans").then().statusCode(409)
                .body("detail", containsString("APPLIED"));
        Directory.coordinator(A).body(Directory.loopBookingFor(applied, interviewer)).post("/v1/loops").then().statusCode(409);
        // Asking for another round than the one the application is in.
        String inRoundTwo = Applications.inRound(A, 2);
        Map<String, Object> body = new HashMap<>(plan(inRoundTwo, interviewer, day()));
        body.put("round", 3);
        Directory.coordinator(A).body(body).post("/v1/loop-plans").then().statusCode(409)
                .body("detail", containsString("round 2, not round 3"));
        body.put("round", 2);
        Directory.coordinator(A).body(body).post("/v1/loop-plans").then().statusCode(200)
                .body("application.round", equalTo(2))
                .body("application.candidateName", equalTo(Applications.CANDIDATE_NAME))
                .body("application.jobTitle", equalTo(Applications.JOB_TITLE));
    }

    @Test
    void aBookedLoopKnowsItsCandidateJobAndRoundAndOneRoundHasOneLiveLoop() {
        String interviewer = Directory.person(A, "Ingrid Solberg-Haugen");
        String application = Applications.inRound(A, 2);
        Map<String, Object> booking = new HashMap<>(Directory.loopBookingFor(application, interviewer));
        booking.remove("title");
        String loopId = Directory.created(Directory.coordinator(A).body(booking).post("/v1/loops"));
        Directory.coordinator(A).get("/v1/loops/" + loopId).then().statusCode(200)
                .body("status", equalTo("BOOKED"))
                .body("round", equalTo(2))
                .body("roundName", equalTo("Second round: onsite loop"))
                .body("candidate.name", equalTo(Applications.CANDIDATE_NAME))
                .body("candidate.email", equalTo(Applications.emailOfCandidate(A, application)))
                .body("job.title", equalTo(Applications.JOB_TITLE))
                .body("title", equalTo("Round 2: " + Applications.CANDIDATE_NAME + ", " + Applications.JOB_TITLE));
        // A second loop for the same round is refused, even at another time with other people.
        Directory.coordinator(A).body(Directory.loopBookingFor(application, Directory.person(A, "Mei-Lin Nakashima"))).post("/v1/loops")
                .then().statusCode(409).body("detail", containsString(loopId));
        Directory.coordinator(A).body(Map.of("plan", ((Map<?, ?>) booking.get("plan")))).post("/v1/loops").then().statusCode(409);
    }

    @Test
    void aDraftIsSavedWithoutHoldingAnybodyAndBookedLater() {
        String interviewer = Directory.person(A, "Ingrid Solberg-Haugen");
        String application = Applications.inRound(A);
        Map<String, Object> booking = Directory.loopBookingFor(application, interviewer);
        JsonPath draft = Directory.coordinator(A).body(Map.of("plan", booking.get("plan"))).post("/v1/loops").then()
                .statusCode(201).body("status", equalTo("DRAFT")).body("sessions", empty()).body("day", nullValue())
                .extract().jsonPath();
        String loopId = draft.getString("id");
        Directory.coordinator(A).get("/v1/loops/" + loopId + "/itinerary").then().statusCode(409);
        Directory.coordinator(A).get("/v1/loops/" + loopId + "/invites/candidate.ics").then().statusCode(409);
        // Booking needs the current version.
        Directory.coordinator(A).body(Map.of("option", booking.get("option"))).post("/v1/loops/" + loopId + "/booking")
                .then().statusCode(428);
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, loopId)).body(Map.of("option", booking.get("option")))
                .post("/v1/loops/" + loopId + "/booking").then().statusCode(200)
                .body("status", equalTo("BOOKED")).body("sessions", hasSize(1))
                .body("sessions[0].participants[0].fullName", equalTo("Ingrid Solberg-Haugen"));
        // Booked once is booked: the draft route is closed now.
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, loopId)).body(Map.of("option", booking.get("option")))
                .post("/v1/loops/" + loopId + "/booking").then().statusCode(409);
        Directory.coordinator(A).get("/v1/loops/" + loopId + "/changes").then().statusCode(200)
                .body("items.kind", equalTo(List.of("DRAFTED", "BOOKED")));
    }

    @Test
    void proposedOptionsAreOfferedThenOneIsBooked() {
        String interviewer = Directory.person(A, "Ingrid Solberg-Haugen");
        String application = Applications.inRound(A);
        String day = day();
        Map<String, Object> plan = plan(application, interviewer, day);
        JsonPath options = Directory.coordinator(A).body(plan).post("/v1/loop-plans").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> offered = List.of(chosen(options, 0), chosen(options, 1));
        String loopId = Directory.coordinator(A).body(Map.of("plan", plan, "proposedOptions", offered)).post("/v1/loops").then()
                .statusCode(201).body("status", equalTo("PROPOSED")).body("proposedOptions", hasSize(2))
                .extract().jsonPath().getString("id");
        Directory.coordinator(A).get("/v1/loops?status=PROPOSED&applicationId=" + application).then().statusCode(200)
                .body("items.id", equalTo(List.of(loopId)));
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, loopId)).body(Map.of("option", offered.get(1)))
                .post("/v1/loops/" + loopId + "/booking").then().statusCode(200)
                .body("status", equalTo("BOOKED")).body("proposedOptions", nullValue())
                .body("sessions[0].start", equalTo(options.getString("options[1].sessions[0].start")));
        Directory.coordinator(A).get("/v1/loops/" + loopId + "/changes").then()
                .body("items.kind", equalTo(List.of("PROPOSED", "BOOKED")))
                .body("items[1].detail", containsString("one of the proposed options"));
    }

    @Test
    void aProposalThatCannotHappenIsRefusedWithFreshOptions() {
        String interviewer = Directory.person(A, "Ingrid Solberg-Haugen");
        String day = day();
        Map<String, Object> plan = plan(Applications.inRound(A), interviewer, day);
        JsonPath options = Directory.coordinator(A).body(plan).post("/v1/loop-plans").then().statusCode(200).extract().jsonPath();
        Map<String, Object> first = chosen(options, 0);
        Directory.coordinator(A).body(Map.of("startsAt", day + "T00:00:00Z", "endsAt", day + "T23:59:00Z", "kind", "TIME_OFF"))
                .post("/v1/interviewers/" + interviewer + "/busy-blocks").then().statusCode(201);
        Directory.coordinator(A).body(Map.of("plan", plan, "proposedOptions", List.of(first))).post("/v1/loops").then()
                .statusCode(409).body("detail", containsString("Ingrid Solberg-Haugen"));
    }

    @Test
    void aDraftIsNotBookedOnceTheApplicationLeftTheRound() {
        String interviewer = Directory.person(A, "Ingrid Solberg-Haugen");
        String application = Applications.inRound(A);
        Map<String, Object> booking = Directory.loopBookingFor(application, interviewer);
        String loopId = Directory.created(Directory.coordinator(A).body(Map.of("plan", booking.get("plan"))).post("/v1/loops"));
        Applications.moveTo(A, application, Map.of("to", "REJECTED"));
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, loopId)).body(Map.of("option", booking.get("option")))
                .post("/v1/loops/" + loopId + "/booking").then().statusCode(409).body("detail", containsString("REJECTED"));
        Directory.coordinator(A).get("/v1/loops/" + loopId).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void aLoopWhoseDayHasPassedIsCompletedAndNoLongerChanges() throws Exception {
        var ids = Directory.ids(A);
        String loopId = Directory.created(Directory.coordinator(A).body(Directory.loopBooking(A, Directory.person(A, "Kwame Mensah-Boateng"))).post("/v1/loops"));
        // The clock cannot be moved from here; the loop's times can (as the database owner would after the day).
        moveIntoThePast(loopId, java.time.Duration.ofDays(400));
        Directory.coordinator(A).get("/v1/loops/" + loopId).then().body("status", equalTo("COMPLETED"));
        Directory.coordinator(A).queryParam("status", "COMPLETED").queryParam("limit", 100).get("/v1/loops").then().statusCode(200)
                .body("items.id", hasItem(loopId));
        Directory.coordinator(A).queryParam("status", "BOOKED").queryParam("limit", 100).get("/v1/loops").then().statusCode(200)
                .body("items.id", not(hasItem(loopId)));
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, loopId)).body(Map.of("reason", "Candidate withdrew"))
                .post("/v1/loops/" + loopId + "/cancel").then().statusCode(409).body("detail", containsString("taken place"));
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, loopId))
                .body(Map.of("interviewerId", ids.get("interviewerId"), "reason", "Illness"))
                .post("/v1/loops/" + loopId + "/replacements").then().statusCode(409).body("detail", containsString("COMPLETED"));
    }

    private static void moveIntoThePast(String loopId, java.time.Duration by) throws Exception {
        var database = PostgresTestResource.database();
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             var tenant = connection.prepareStatement("select set_config('app.tenant_id', ?, false)");
             var sql = connection.prepareStatement("""
                     update scheduling.loop set starts_at = starts_at - make_interval(days => ?),
                            ends_at = ends_at - make_interval(days => ?), day = day - ? where id = ?""")) {
            tenant.setString(1, A);
            tenant.execute();
            int days = (int) by.toDays();
            sql.setInt(1, days);
            sql.setInt(2, days);
            sql.setInt(3, days);
            sql.setObject(4, UUID.fromString(loopId));
            assertEquals(1, sql.executeUpdate());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chosen(JsonPath options, int index) {
        Map<String, Object> option = options.getMap("options[" + index + "]");
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) option.get("sessions");
        return Map.of("day", option.get("day"), "sessions", sessions.stream().map(s -> Map.of(
                "sessionId", s.get("sessionId"), "start", s.get("start"),
                "interviewerIds", ((List<Map<String, Object>>) s.get("participants")).stream().map(p -> p.get("interviewerId")).toList()))
                .toList());
    }

    private static Map<String, Object> plan(String applicationId, String interviewer, String day) {
        return Map.of("applicationId", applicationId, "timeZone", "Europe/Berlin", "firstDay", day, "lastDay", day,
                "candidateAvailability", List.of(Map.of("start", day + "T08:00:00Z", "end", day + "T12:00:00Z")),
                "sessions", List.of(Map.of("id", "hiring-manager", "kind", "INTERVIEW", "durationMinutes", 45,
                        "interviewerIds", List.of(interviewer), "room", "VIDEO")),
                "granularityMinutes", 15);
    }

    /** A random weekday in 2028, so repeated runs against one database do not collide. */
    private static String day() {
        java.util.Random random = new java.util.Random();
        return java.time.LocalDate.of(2028, 1, 3).plusWeeks(random.nextInt(40)).plusDays(random.nextInt(5)).toString();
    }
}
