package dev.secondround.scheduling.loop;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.secondround.testing.Applications;
import dev.secondround.scheduling.testsupport.Directory;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Confirming options: atomic, never double-booking anybody, the loser told why and given fresh options. */
@QuarkusTest
class LoopBookingTest {

    private static final String A = TestTokens.TENANT_A;

    @Test
    void aPlannedOptionIsBookedAndItsPeopleAreBusyAfterwards() {
        String ingrid = Directory.person(A, "Ingrid Solberg-Haugen");
        String room = Directory.created(Directory.coordinator(A).body(Directory.roomBody()).post("/v1/rooms"));
        Map<String, Object> plan = plan(ingrid, "IN_PERSON");
        JsonPath options = Directory.coordinator(A).body(plan).post("/v1/loop-plans").then().statusCode(200).extract().jsonPath();
        String start = options.getString("options[0].sessions[0].start");
        Map<String, Object> booking = booking(plan, options.getString("options[0].day"), start, ingrid, room);
        String loopId = Directory.created(Directory.coordinator(A).body(booking).post("/v1/loops"));
        Directory.coordinator(A).get("/v1/loops/" + loopId).then().statusCode(200)
                .body("status", equalTo("BOOKED"))
                .body("sessions[0].participants[0].fullName", equalTo("Ingrid Solberg-Haugen"))
                .body("sessions[0].roomId", equalTo(room))
                .body("sessions[0].start", equalTo(start));
        // Planning again never offers Ingrid at that time.
        Directory.coordinator(A).body(plan).post("/v1/loop-plans").then().statusCode(200)
                .body("options", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()))
                .body("options.sessions.flatten().start", not(hasItem(start)));
        // And booking the same slot again (for another candidate) is refused with fresh options.
        Directory.coordinator(A).body(booking(plan, options.getString("options[0].day"), start, ingrid, room)).post("/v1/loops")
                .then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("freshOptions.options.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void twoConcurrentConfirmationsOfTheSameSlotExactlyOneWins() throws Exception {
        String ingrid = Directory.person(A, "Ingrid Solberg-Haugen");
        Map<String, Object> plan = plan(ingrid, "VIDEO");
        JsonPath options = Directory.coordinator(A).body(plan).post("/v1/loop-plans").then().statusCode(200).extract().jsonPath();
        String day = options.getString("options[0].day");
        String start = options.getString("options[0].sessions[0].start");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                Map<String, Object> booking = booking(plan, day, start, ingrid, null);
                calls.add(pool.submit(() -> {
                    go.await();
                    return Directory.coordinator(A).body(booking).post("/v1/loops");
                }));
            }
            go.countDown();
            int booked = 0;
            int conflicts = 0;
            for (Future<Response> call : calls) {
                Response response = call.get();
                if (response.statusCode() == 201) {
                    booked++;
                } else {
                    assertEquals(409, response.statusCode(), response.asString());
                    conflicts++;
                }
            }
            assertEquals(1, booked, "exactly one confirmation books the slot");
            assertEquals(5, conflicts);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Exclusion constraints stop overlaps; this is about two different times on a day with a limit of one. */
    @Test
    void concurrentBookingsCannotBeatADailyLimitOfOne() throws Exception {
        Map<String, Object> body = new HashMap<>(Directory.interviewerBody(null, A));
        body.put("fullName", "Jonas Brückner");
        body.put("maxInterviewsPerDay", 1);
        String jonas = Directory.created(Directory.coordinator(A).body(body).post("/v1/interviewers"));
        Map<String, Object> plan = plan(jonas, "VIDEO");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (String start : List.of("2027-03-02T08:00:00Z", "2027-03-02T09:00:00Z", "2027-03-02T10:00:00Z", "2027-03-02T11:00:00Z")) {
                Map<String, Object> booking = booking(plan, "2027-03-02", start, jonas, null);
                calls.add(pool.submit(() -> {
                    go.await();
                    return Directory.coordinator(A).body(booking).post("/v1/loops");
                }));
            }
            go.countDown();
            int booked = 0;
            for (Future<Response> call : calls) {
                Response response = call.get();
                if (response.statusCode() == 201) {
                    booked++;
                } else {
                    assertEquals(409, response.statusCode(), response.asString());
                }
            }
            assertEquals(1, booked, "a limit of one interview a day holds under concurrent bookings");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void timeOffThatAppearedAfterPlanningBlocksTheBooking() {
        String ingrid = Directory.person(A, "Ingrid Solberg-Haugen");
        Map<String, Object> plan = plan(ingrid, "VIDEO");
        JsonPath options = Directory.coordinator(A).body(plan).post("/v1/loop-plans").then().statusCode(200).extract().jsonPath();
        String day = options.getString("options[0].day");
        String start = options.getString("options[0].sessions[0].start");
        Directory.coordinator(A).body(Map.of("startsAt", day + "T00:00:00Z", "endsAt", day + "T23:59:00Z", "kind", "TIME_OFF"))
                .post("/v1/interviewers/" + ingrid + "/busy-blocks").then().statusCode(201);
        Directory.coordinator(A).body(booking(plan, day, start, ingrid, null)).post("/v1/loops").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("Ingrid Solberg-Haugen"));
    }

    @Test
    void cancellingFreesThePeopleAndNeedsTheCurrentVersion() {
        String ingrid = Directory.person(A, "Ingrid Solberg-Haugen");
        Map<String, Object> booking = Directory.loopBooking(A, ingrid);
        String loopId = Directory.created(Directory.coordinator(A).body(booking).post("/v1/loops"));
        Directory.coordinator(A).body(Map.of("reason", "Candidate withdrew")).post("/v1/loops/" + loopId + "/cancel")
                .then().statusCode(428);
        String etag = Directory.coordinator(A).get("/v1/loops/" + loopId).then().extract().header("ETag");
        Directory.coordinator(A).header("If-Match", etag).body(Map.of("reason", "Candidate withdrew"))
                .post("/v1/loops/" + loopId + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledReason", equalTo("Candidate withdrew"));
        String again = Directory.created(Directory.coordinator(A).body(booking).post("/v1/loops"));
        assertNotEquals(loopId, again, "the freed slot can be booked again");
    }

    @Test
    void interviewersSeeTheirOwnUpcomingSessionsAndNobodyElses() {
        var ids = Directory.ids(A);
        String mine = ids.get("interviewerId");
        String someoneElse = Directory.person(A, "Mei-Lin Nakashima");
        String myLoop = Directory.created(Directory.coordinator(A).body(Directory.loopBooking(A, mine)).post("/v1/loops"));
        String otherLoop = Directory.created(Directory.coordinator(A).body(Directory.loopBooking(A, someoneElse)).post("/v1/loops"));
        // Walk every page (soonest first, keyset cursor): each session once, in order, mine in, theirs out.
        List<String> loopIds = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        String cursor = null;
        do {
            var request = Directory.as(A, Directory.LINKED_INTERVIEWER, "interviewer").queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/interviewers/me/sessions").then().statusCode(200).extract().jsonPath();
            loopIds.addAll(page.getList("items.loopId"));
            starts.addAll(page.getList("items.start"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertTrue(loopIds.contains(myLoop));
        org.junit.jupiter.api.Assertions.assertFalse(loopIds.contains(otherLoop));
        List<String> sorted = new ArrayList<>(starts);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, starts, "soonest first across pages");
        assertEquals(loopIds.size(), new java.util.HashSet<>(loopIds).size(), "no session twice (one session per loop here)");
        Directory.as(A, Directory.LINKED_INTERVIEWER, "interviewer").get("/v1/loops/" + otherLoop).then().statusCode(403);
    }

    @Test
    void bookingsKeepSessionWindowsPoolCountsAndPeopleDistinct() {
        String ingrid = Directory.person(A, "Ingrid Solberg-Haugen");
        String kwame = Directory.person(A, "Kwame Mensah-Boateng");
        String ana = Directory.person(A, "Ana Beatriz Figueiredo");
        String chloe = Directory.person(A, "Chloé Marchetti-Dubois");
        String peers = Directory.created(Directory.coordinator(A).body(Directory.poolBody(kwame, ana)).post("/v1/pools"));
        String javaPool = Directory.created(Directory.coordinator(A).body(Directory.poolBody(chloe)).post("/v1/pools"));
        String day = "2027-04-06";
        Map<String, Object> plan = Map.of("applicationId", Applications.inRound(A), "timeZone", "Europe/Berlin", "firstDay", day, "lastDay", day,
                "candidateAvailability", List.of(Map.of("start", day + "T06:00:00Z", "end", day + "T16:00:00Z")),
                "sessions", List.of(
                        Map.of("id", "lunch", "kind", "LUNCH", "durationMinutes", 60, "interviewerIds", List.of(ingrid),
                                "window", Map.of("from", "11:30", "to", "13:30")),
                        Map.of("id", "panel", "kind", "PANEL", "durationMinutes", 45, "room", "VIDEO",
                                "fromPools", List.of(Map.of("poolId", peers, "count", 1), Map.of("poolId", javaPool, "count", 1)))));
        // Lunch at 09:00 Berlin is outside its 11:30–13:30 window.
        Directory.coordinator(A).body(Map.of("title", "t", "plan", plan,
                        "option", Map.of("day", day, "sessions", List.of(
                                Map.of("sessionId", "lunch", "start", day + "T07:00:00Z", "interviewerIds", List.of(ingrid)),
                                Map.of("sessionId", "panel", "start", day + "T08:00:00Z", "interviewerIds", List.of(kwame, chloe))))))
                .post("/v1/loops").then().statusCode(422).body("errors.field", hasItem("option.sessions[0].start"));
        // Two from the peers pool do not make "one peer and one Java engineer".
        Directory.coordinator(A).body(Map.of("title", "t", "plan", plan,
                        "option", Map.of("day", day, "sessions", List.of(
                                Map.of("sessionId", "lunch", "start", day + "T10:00:00Z", "interviewerIds", List.of(ingrid)),
                                Map.of("sessionId", "panel", "start", day + "T08:00:00Z", "interviewerIds", List.of(kwame, ana))))))
                .post("/v1/loops").then().statusCode(422).body("errors.field", hasItem("option.sessions[1].interviewerIds"));
        Directory.coordinator(A).body(Map.of("title", "t", "plan", plan,
                        "option", Map.of("day", day, "sessions", List.of(
                                Map.of("sessionId", "lunch", "start", day + "T10:00:00Z", "interviewerIds", List.of(ingrid, ingrid)),
                                Map.of("sessionId", "panel", "start", day + "T08:00:00Z", "interviewerIds", List.of(kwame, chloe))))))
                .post("/v1/loops").then().statusCode(422).body("errors.field", hasItem("option.sessions[0].interviewerIds"));
        // The correct option books, each pick credited to its own pool.
        String loopId = Directory.created(Directory.coordinator(A).body(Map.of(
                "title", "t", "plan", plan, "option", Map.of("day", day, "sessions", List.of(
                        Map.of("sessionId", "lunch", "start", day + "T10:00:00Z", "interviewerIds", List.of(ingrid)),
                        Map.of("sessionId", "panel", "start", day + "T08:00:00Z", "interviewerIds", List.of(kwame, chloe)))))).post("/v1/loops"));
        Directory.coordinator(A).get("/v1/loops/" + loopId).then().statusCode(200)
                .body("sessions.find { it.sessionId == 'panel' }.participants.find { it.fullName == 'Chloé Marchetti-Dubois' }.fromPoolId", equalTo(javaPool));
    }

    @Test
    void optionsThatDoNotMatchThePlanAreRefusedByField() {
        String ingrid = Directory.person(A, "Ingrid Solberg-Haugen");
        String other = Directory.person(A, "Mei-Lin Nakashima");
        Map<String, Object> booking = new HashMap<>(Directory.loopBooking(A, ingrid));
        @SuppressWarnings("unchecked")
        Map<String, Object> option = new HashMap<>((Map<String, Object>) booking.get("option"));
        @SuppressWarnings("unchecked")
        Map<String, Object> session = new HashMap<>(((List<Map<String, Object>>) option.get("sessions")).get(0));
        session.put("interviewerIds", List.of(other));
        option.put("sessions", List.of(session));
        booking.put("option", option);
        Directory.coordinator(A).body(booking).post("/v1/loops").then().statusCode(422)
                .body("errors.field", hasItem("option.sessions[0].interviewerIds"));
        session.put("sessionId", "unknown");
        option.put("sessions", List.of(session));
        booking.put("option", option);
        Directory.coordinator(A).body(booking).post("/v1/loops").then().statusCode(422)
                .body("errors.field", hasItem("option.sessions[0].sessionId"));
    }

    private static Map<String, Object> plan(String interviewer, String room) {
        return Map.of("applicationId", Applications.inRound(A), "timeZone", "Europe/Berlin", "firstDay", "2027-03-01", "lastDay", "2027-03-05",
                "candidateAvailability", List.of(Map.of("start", "2027-03-02T08:00:00Z", "end", "2027-03-02T12:00:00Z")),
                "sessions", List.of(Map.of("id", "hiring-manager", "kind", "INTERVIEW", "durationMinutes", 45,
                        "interviewerIds", List.of(interviewer), "room", room)),
                "granularityMinutes", 15);
    }

    private static Map<String, Object> booking(Map<String, Object> plan, String day, String start, String interviewer, String room) {
        Map<String, Object> session = new HashMap<>(Map.of("sessionId", "hiring-manager", "start", start,
                "interviewerIds", List.of(interviewer)));
        if (room != null) {
            session.put("roomId", room);
        }
        // Each booking for its own application: bookings here collide on people and rooms, not on "one loop per round".
        Map<String, Object> ownPlan = new HashMap<>(plan);
        ownPlan.put("applicationId", Applications.inRound(A));
        return Map.of("title", "Second round: Dana Okonkwo-Lindqvist", "plan", ownPlan, "option", Map.of("day", day, "sessions", List.of(session)));
    }
}
