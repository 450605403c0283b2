package dev.secondround.scheduling.directory;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.secondround.scheduling.testsupport.Directory;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The directory as coordinators keep it and interviewers see it. */
@QuarkusTest
class DirectoryTest {

    private static final String A = TestTokens.TENANT_A;
    private static final String B = TestTokens.TENANT_B;

    @Test
    void newInterviewersGetAnOfficeWeekAndSensibleLimitsAndKeepTheirNameExactly() {
        Map<String, Object> body = new HashMap<>(Directory.interviewerBody(null, A));
        body.put("fullName", "  Siobhán Ní Bhriain ");
        Directory.coordinator(A).body(body).post("/v1/interviewers").then().statusCode(201)
                .body("fullName", equalTo("Siobhán Ní Bhriain"))
                .body("workingHours", hasSize(5))
                .body("workingHours[0].day", equalTo("MONDAY"))
                .body("workingHours[0].start", equalTo("09:00:00"))
                .body("maxInterviewsPerDay", equalTo(3))
                .body("maxInterviewsPerWeek", equalTo(8))
                .body("active", equalTo(true));
    }

    @Test
    void timeZonesAndWorkingHoursAreValidated() {
        Map<String, Object> body = new HashMap<>(Directory.interviewerBody(null, A));
        body.put("timeZone", "Mars/Olympus_Mons");
        Directory.coordinator(A).body(body).post("/v1/interviewers").then().statusCode(400)
                .body("errors.field", hasItem("timeZone"));
        body.put("timeZone", "America/New_York");
        body.put("workingHours", List.of(Map.of("day", "MONDAY", "start", "17:00", "end", "09:00")));
        Directory.coordinator(A).body(body).post("/v1/interviewers").then().statusCode(400)
                .body("errors.field", hasItem("workingHours[0].end"));
        body.put("workingHours", List.of(Map.of("day", "MONDAY", "start", "08:00", "end", "12:00"),
                Map.of("day", "MONDAY", "start", "13:00", "end", "17:00")));
        Directory.coordinator(A).body(body).post("/v1/interviewers").then().statusCode(400)
                .body("errors.field", hasItem("workingHours[1].day"));
        // An empty list would make the person never bookable; generated clients send [] for "not set".
        body.put("workingHours", List.of());
        Directory.coordinator(A).body(body).post("/v1/interviewers").then().statusCode(400)
                .body("errors.field", hasItem("workingHours"));
        body.remove("workingHours");
        body.put("maxInterviewsPerDay", 5);
        body.put("maxInterviewsPerWeek", 4);
        Directory.coordinator(A).body(body).post("/v1/interviewers").then().statusCode(400)
                .body("errors.field", hasItem("maxInterviewsPerDay"));
    }

    @Test
    void interviewersSeeAndEditOnlyTheirOwnEntryAndTimeOff() {
        Map<String, String> ids = Directory.ids(A);
        String mine = ids.get("interviewerId");
        String someoneElse = Directory.created(Directory.coordinator(A).body(Directory.interviewerBody(null, A)).post("/v1/interviewers"));
        var me = Directory.as(A, Directory.LINKED_INTERVIEWER, "interviewer");
        me.get("/v1/interviewers/me").then().statusCode(200).body("id", equalTo(mine));
        Directory.as(A, Directory.LINKED_INTERVIEWER, "interviewer").get("/v1/interviewers/" + mine).then().statusCode(200);
        Directory.as(A, Directory.LINKED_INTERVIEWER, "interviewer").get("/v1/interviewers/" + someoneElse).then().statusCode(404);
        Directory.as(A, Directory.LINKED_INTERVIEWER, "interviewer").get("/v1/interviewers").then().statusCode(403);
        Directory.as(A, Directory.LINKED_INTERVIEWER, "interviewer").body(Directory.busyBlockBody())
                .post("/v1/interviewers/" + mine + "/busy-blocks").then().statusCode(201).body("source", equalTo("API"));
        Directory.as(A, Directory.LINKED_INTERVIEWER, "interviewer").body(Directory.busyBlockBody())
                .post("/v1/interviewers/" + someoneElse + "/busy-blocks").then().statusCode(404);
        Directory.as(A, "nobody-linked", "interviewer").get("/v1/interviewers/me").then().statusCode(404);
    }

    @Test
    void busyBlocksAreValidatedAndListedByOverlap() {
        String id = Directory.created(Directory.coordinator(A).body(Directory.interviewerBody(null, A)).post("/v1/interviewers"));
        String path = "/v1/interviewers/" + id + "/busy-blocks";
        Directory.coordinator(A).body(Map.of("startsAt", "2026-12-02T10:00:00Z", "endsAt", "2026-12-02T09:00:00Z", "kind", "BUSY"))
                .post(path).then().statusCode(400).body("errors.field", hasItem("endsAt"));
        Directory.coordinator(A).body(Map.of("startsAt", "2026-12-02T10:00:00Z", "endsAt", "2028-12-02T09:00:00Z", "kind", "TIME_OFF"))
                .post(path).then().statusCode(400).body("errors.field", hasItem("endsAt"));
        String vacation = Directory.created(Directory.coordinator(A).body(Directory.busyBlockBody()).post(path));
        Directory.created(Directory.coordinator(A)
                .body(Map.of("startsAt", "2026-12-10T10:00:00Z", "endsAt", "2026-12-10T11:00:00Z", "kind", "BUSY")).post(path));
        Directory.coordinator(A).queryParam("from", "2026-12-02T12:00:00Z").queryParam("to", "2026-12-05T00:00:00Z").get(path)
                .then().statusCode(200).body("items.id", contains(vacation));
        Directory.coordinator(A).queryParam("from", "yesterday").get(path).then().statusCode(400)
                .body("errors.field", hasItem("from"));
    }

    @Test
    void calendarImportAddsUpdatesAndRemovesImportedBlocksButNeverManualOnes() {
        String id = Directory.created(Directory.coordinator(A).body(Directory.interviewerBody(null, A)).post("/v1/interviewers"));
        String path = "/v1/interviewers/" + id + "/busy-blocks";
        String manual = Directory.created(Directory.coordinator(A).body(Directory.busyBlockBody()).post(path));
        String calendar = """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//test//EN\r
                BEGIN:VEVENT\r
                UID:standup\r
                DTSTAMP:20261101T000000Z\r
                DTSTART;TZID=Europe/Berlin:20261123T093000\r
                DTEND;TZID=Europe/Berlin:20261123T094500\r
                RRULE:FREQ=DAILY;COUNT=3\r
                SUMMARY:Stand-up\r
                END:VEVENT\r
                BEGIN:VEVENT\r
                UID:offsite\r
                DTSTAMP:20261101T000000Z\r
                DTSTART;VALUE=DATE:20261127\r
                DTEND;VALUE=DATE:20261128\r
                SUMMARY:Team offsite\r
                END:VEVENT\r
                END:VCALENDAR\r
                """;
        var importer = Directory.coordinator(A).contentType("text/calendar")
                .queryParam("from", "2026-11-23T00:00:00Z").queryParam("to", "2026-12-07T00:00:00Z");
        importer.body(calendar).post(path + "/import").then().statusCode(200)
                .body("imported", equalTo(4)).body("updated", equalTo(0)).body("removed", equalTo(0));
        // Again, unchanged: nothing new.
        Directory.coordinator(A).contentType("text/calendar").queryParam("from", "2026-11-23T00:00:00Z")
                .queryParam("to", "2026-12-07T00:00:00Z").body(calendar).post(path + "/import").then().statusCode(200)
                .body("imported", equalTo(0)).body("updated", equalTo(0)).body("removed", equalTo(0));
        // The offsite was cancelled and the stand-up now lasts 30 minutes.
        String changed = calendar.replace("DTEND;TZID=Europe/Berlin:20261123T094500", "DTEND;TZID=Europe/Berlin:20261123T100000")
                .replaceAll("(?s)BEGIN:VEVENT\\r\\nUID:offsite.*?END:VEVENT\\r\\n", "");
        Directory.coordinator(A).contentType("text/calendar").queryParam("from", "2026-11-23T00:00:00Z")
                .queryParam("to", "2026-12-07T00:00:00Z").body(changed).post(path + "/import").then().statusCode(200)
                .body("imported", equalTo(0)).body("updated", equalTo(3)).body("removed", equalTo(1));
        Directory.coordinator(A).queryParam("limit", 100).get(path).then().statusCode(200)
                .body("items", hasSize(4)).body("items.id", hasItem(manual));
        Directory.coordinator(A).contentType("text/calendar").body("not a calendar").post(path + "/import").then()
                .statusCode(400).body("errors.field", hasItem("body"));
    }

    @Test
    void poolsTakeOnlyThisTenantsInterviewersAndNamesAreUnique() {
        String own = Directory.created(Directory.coordinator(A).body(Directory.interviewerBody(null, A)).post("/v1/interviewers"));
        String foreign = Directory.created(Directory.coordinator(B).body(Directory.interviewerBody(null, B)).post("/v1/interviewers"));
        Directory.coordinator(A).body(Directory.poolBody(own, foreign)).post("/v1/pools").then().statusCode(422)
                .body("errors.field", hasItem("memberIds[1]"));
        Map<String, Object> pool = new HashMap<>(Directory.poolBody(own));
        Directory.coordinator(A).body(pool).post("/v1/pools").then().statusCode(201)
                .body("members[0].fullName", equalTo("Kwame Mensah-Boateng"));
        Directory.coordinator(A).body(pool).post("/v1/pools").then().statusCode(409);
        Directory.coordinator(A).queryParam("memberId", own).get("/v1/pools").then().statusCode(200)
                .body("items.name", contains(pool.get("name")));
        pool.put("name", "Java Technical");
        Directory.coordinator(A).body(pool).post("/v1/pools").then().statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void videoRoomsNeedALinkAndRoomsFilterByCapacity() {
        Map<String, Object> video = new HashMap<>(Directory.roomBody());
        video.put("kind", "VIDEO");
        Directory.coordinator(A).body(video).post("/v1/rooms").then().statusCode(400).body("errors.field", hasItem("videoLink"));
        video.put("videoLink", "https://meet.example.com/" + Directory.unique());
        Directory.coordinator(A).body(video).post("/v1/rooms").then().statusCode(201);
        Map<String, Object> big = new HashMap<>(Directory.roomBody());
        big.put("capacity", 40);
        String bigRoom = Directory.created(Directory.coordinator(A).body(big).post("/v1/rooms"));
        Directory.coordinator(A).queryParam("minCapacity", 30).queryParam("limit", 100).get("/v1/rooms").then().statusCode(200)
                .body("items.id", hasItem(bigRoom)).body("items.capacity.every { it >= 30 }", equalTo(true));
    }
}
