package dev.secondround.scheduling.loop;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.secondround.testing.Applications;
import dev.secondround.scheduling.testsupport.Directory;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Someone drops out after booking: the loop is repaired in place, recorded, and invites are re-sequenced. */
@QuarkusTest
class LoopChangeTest {

    private static final String A = TestTokens.TENANT_A;

    @Test
    void aPoolMemberWhoFallsIllIsReplacedFromTheSamePool() {
        Setup setup = setup();
        String etag = Directory.loopEtag(A, setup.loopId);
        Directory.coordinator(A).header("If-Match", etag)
                .body(Map.of("interviewerId", setup.kwame, "reason", "Illness"))
                .post("/v1/loops/" + setup.loopId + "/replacements").then().statusCode(200)
                .body("version", equalTo(1))
                .body("sessions.find { it.sessionId == 'technical' }.participants.fullName", contains("Ana Beatriz Figueiredo"))
                .body("sessions.find { it.sessionId == 'hiring-manager' }.participants.fullName", contains("Ingrid Solberg-Haugen"));
        Directory.coordinator(A).get("/v1/loops/" + setup.loopId + "/changes").then().statusCode(200)
                .body("items.kind", contains("BOOKED", "PARTICIPANT_REPLACED"))
                .body("items[1].detail", containsString("Kwame Mensah-Boateng → Ana Beatriz Figueiredo"))
                .body("items[1].reason", equalTo("Illness"));
        Directory.coordinator(A).get("/v1/loops/" + setup.loopId + "/invites/candidate.ics").then().statusCode(200)
                .body(containsString("SEQUENCE:1"));
        // Kwame's calendar holds the technical session: he gets its CANCEL; Ana gets the REQUEST.
        Directory.coordinator(A).get("/v1/loops/" + setup.loopId + "/invites/" + setup.kwame + ".ics").then().statusCode(200)
                .body(containsString("METHOD:CANCEL")).body(containsString("STATUS:CANCELLED")).body(containsString("SEQUENCE:1"));
        Directory.coordinator(A).get("/v1/loops/" + setup.loopId + "/invites/" + setup.ana + ".ics").then().statusCode(200)
                .body(containsString("METHOD:REQUEST")).body(containsString("SEQUENCE:1"));
        Directory.coordinator(A).header("If-Match", etag).body(Map.of("interviewerId", setup.ana, "reason", "Illness"))
                .post("/v1/loops/" + setup.loopId + "/replacements").then().statusCode(412);
    }

    @Test
    void whenNobodyInThePoolIsFreeTheCoordinatorIsToldWhy() {
        Setup setup = setup();
        Directory.coordinator(A).body(Map.of("startsAt", setup.day + "T00:00:00Z", "endsAt", setup.day + "T23:00:00Z",
                "kind", "TIME_OFF", "summary", "Vacation")).post("/v1/interviewers/" + setup.ana + "/busy-blocks").then().statusCode(201);
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, setup.loopId)).body(Map.of("interviewerId", setup.kwame, "reason", "Illness"))
                .post("/v1/loops/" + setup.loopId + "/replacements").then().statusCode(409)
                .body("detail", containsString("Ana Beatriz Figueiredo"));
        // Nothing changed: Kwame is still booked.
        Directory.coordinator(A).get("/v1/loops/" + setup.loopId).then()
                .body("sessions.find { it.sessionId == 'technical' }.participants.fullName", contains("Kwame Mensah-Boateng"))
                .body("version", equalTo(0));
    }

    @Test
    void someoneWhoLeftTheCompanyCanStillBeReplaced() {
        Setup setup = setup();
        var kwame = Directory.coordinator(A).get("/v1/interviewers/" + setup.kwame);
        Map<String, Object> body = new HashMap<>(kwame.jsonPath().getMap(""));
        for (String serverOwned : List.of("id", "createdAt", "updatedAt", "version")) {
            body.remove(serverOwned);
        }
        body.put("active", false);
        Directory.coordinator(A).header("If-Match", kwame.header("ETag")).body(body).put("/v1/interviewers/" + setup.kwame)
                .then().statusCode(200);
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, setup.loopId)).body(Map.of("interviewerId", setup.kwame, "reason", "Left the company"))
                .post("/v1/loops/" + setup.loopId + "/replacements").then().statusCode(200)
                .body("sessions.find { it.sessionId == 'technical' }.participants.fullName", contains("Ana Beatriz Figueiredo"));
    }

    @Test
    void aNamedReplacementIsCheckedToo() {
        Setup setup = setup();
        String outsider = Directory.person(A, "Mei-Lin Nakashima");
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, setup.loopId))
                .body(Map.of("interviewerId", setup.ingrid, "replacementId", outsider, "reason", "Travelling"))
                .post("/v1/loops/" + setup.loopId + "/replacements").then().statusCode(200)
                .body("sessions.find { it.sessionId == 'hiring-manager' }.participants.fullName", contains("Mei-Lin Nakashima"));
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, setup.loopId))
                .body(Map.of("interviewerId", setup.ana, "reason", "Not in the loop"))
                .post("/v1/loops/" + setup.loopId + "/replacements").then().statusCode(422)
                .body("errors.field", hasItem("interviewerId"));
    }

    @Test
    void whenTheHiringManagerCannotMakeHerTimeOnlyHerSessionMoves() {
        Setup setup = setup();
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, setup.loopId))
                .body(Map.of("interviewerId", setup.ingrid, "reason", "Board meeting moved to 10:00"))
                .post("/v1/loops/" + setup.loopId + "/session-moves").then().statusCode(200)
                .body("version", equalTo(1))
                .body("sessions.find { it.sessionId == 'hiring-manager' }.start", not(equalTo(setup.day + "T08:00:00Z")))
                .body("sessions.find { it.sessionId == 'hiring-manager' }.participants.fullName", contains("Ingrid Solberg-Haugen"))
                // The technical session and its interviewer stay exactly where they were.
                .body("sessions.find { it.sessionId == 'technical' }.start", equalTo(setup.day + "T09:00:00Z"))
                .body("sessions.find { it.sessionId == 'technical' }.participants.fullName", contains("Kwame Mensah-Boateng"));
        Directory.coordinator(A).get("/v1/loops/" + setup.loopId + "/changes").then()
                .body("items.kind", contains("BOOKED", "SESSIONS_MOVED"))
                .body("items[1].detail", containsString(" → "))
                .body("items[1].reason", equalTo("Board meeting moved to 10:00"));
        // Her calendar gets the same event at the new time with a higher SEQUENCE.
        Directory.coordinator(A).get("/v1/loops/" + setup.loopId + "/invites/" + setup.ingrid + ".ics").then().statusCode(200)
                .body(containsString("METHOD:REQUEST")).body(containsString("SEQUENCE:1"))
                .body(not(containsString("DTSTART:" + setup.day.replace("-", "") + "T080000Z")));
        // Her old time is free again, the new one is taken: another loop can have her at 08:00 but not at her new time.
        String newStart = Directory.coordinator(A).get("/v1/loops/" + setup.loopId).jsonPath()
                .getString("sessions.find { it.sessionId == 'hiring-manager' }.start");
        Directory.coordinator(A).body(single(setup, setup.day + "T08:00:00Z")).post("/v1/loops").then().statusCode(201);
        Directory.coordinator(A).body(single(setup, newStart)).post("/v1/loops").then().statusCode(409);
    }

    @Test
    void whenHerSessionCannotMoveThatDayNothingChanges() {
        Setup setup = setup();
        // Busy for the rest of her working day, apart from the booked slot itself.
        Directory.coordinator(A).body(Map.of("startsAt", setup.day + "T08:45:00Z", "endsAt", setup.day + "T23:00:00Z",
                "kind", "BUSY", "summary", "Offsite")).post("/v1/interviewers/" + setup.ingrid + "/busy-blocks").then().statusCode(201);
        Directory.coordinator(A).body(Map.of("startsAt", setup.day + "T00:00:00Z", "endsAt", setup.day + "T08:00:00Z",
                "kind", "BUSY", "summary", "School run")).post("/v1/interviewers/" + setup.ingrid + "/busy-blocks").then().statusCode(201);
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, setup.loopId))
                .body(Map.of("interviewerId", setup.ingrid, "reason", "Board meeting"))
                .post("/v1/loops/" + setup.loopId + "/session-moves").then().statusCode(409)
                .body("detail", containsString("Ingrid Solberg-Haugen"));
        Directory.coordinator(A).get("/v1/loops/" + setup.loopId).then().body("version", equalTo(0))
                .body("sessions.find { it.sessionId == 'hiring-manager' }.start", equalTo(setup.day + "T08:00:00Z"));
        // Her booking still holds: nobody else gets her at that time.
        Directory.coordinator(A).body(single(setup, setup.day + "T08:00:00Z")).post("/v1/loops").then().statusCode(409);
    }

    /** A one-session loop with Ingrid at {@code start}, for another application. */
    private static Map<String, Object> single(Setup setup, String start) {
        Map<String, Object> plan = Map.of("applicationId", Applications.inRound(A), "timeZone", "Europe/Berlin",
                "firstDay", setup.day, "lastDay", setup.day,
                "candidateAvailability", List.of(Map.of("start", setup.day + "T06:00:00Z", "end", setup.day + "T16:00:00Z")),
                "sessions", List.of(Map.of("id", "chat", "kind", "INTERVIEW", "durationMinutes", 45,
                        "interviewerIds", List.of(setup.ingrid), "room", "VIDEO")));
        return Map.of("plan", plan, "option", Map.of("day", setup.day, "sessions", List.of(
                Map.of("sessionId", "chat", "start", start, "interviewerIds", List.of(setup.ingrid)))));
    }

    private record Setup(String loopId, String day, String ingrid, String kwame, String ana) {
    }

    private static Setup setup() {
        String ingrid = Directory.person(A, "Ingrid Solberg-Haugen");
        String kwame = Directory.person(A, "Kwame Mensah-Boateng");
        String ana = Directory.person(A, "Ana Beatriz Figueiredo");
        String pool = Directory.created(Directory.coordinator(A).body(Directory.poolBody(kwame, ana)).post("/v1/pools"));
        // A random weekday (2027-07-05 is a Monday), so repeated runs do not collide.
        java.util.Random random = new java.util.Random();
        String day = java.time.LocalDate.of(2027, 7, 5).plusWeeks(random.nextInt(20)).plusDays(random.nextInt(5)).toString();
        Map<String, Object> plan = Map.of("applicationId", Applications.inRound(A), "timeZone", "Europe/Berlin", "firstDay", day, "lastDay", day,
                "candidateAvailability", List.of(Map.of("start", day + "T06:00:00Z", "end", day + "T16:00:00Z")),
                "sessions", List.of(
                        Map.of("id", "hiring-manager", "kind", "INTERVIEW", "durationMinutes", 45, "interviewerIds", List.of(ingrid), "room", "VIDEO"),
                        Map.of("id", "technical", "kind", "TECHNICAL", "durationMinutes", 60,
                                "fromPools", List.of(Map.of("poolId", pool, "count", 1)), "room", "VIDEO")));
        Map<String, Object> booking = Map.of("title", "Second round: Dana",
                "plan", plan, "option", Map.of("day", day, "sessions", List.of(
                        Map.of("sessionId", "hiring-manager", "start", day + "T08:00:00Z", "interviewerIds", List.of(ingrid)),
                        Map.of("sessionId", "technical", "start", day + "T09:00:00Z", "interviewerIds", List.of(kwame)))));
        String loopId = Directory.created(Directory.coordinator(A).body(booking).post("/v1/loops"));
        return new Setup(loopId, day, ingrid, kwame, ana);
    }
}
