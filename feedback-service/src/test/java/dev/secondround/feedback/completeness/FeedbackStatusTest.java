package dev.secondround.feedback.completeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.feedback.reminder.FeedbackReminders;
import dev.secondround.feedback.testsupport.Loops;
import dev.secondround.feedback.testsupport.Loops.BookedLoop;
import dev.secondround.testing.Applications;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who has and has not given feedback, per loop and per application: exact counts, no opinions, and who may ask. */
@QuarkusTest
class FeedbackStatusTest {

    private static final String A = TestTokens.TENANT_A;
    private static final String B = TestTokens.TENANT_B;

    @Inject
    FeedbackReminders reminders;

    @Test
    void aLoopsStatusCountsEveryoneExactlyAndShowsNoScorecardContent() {
        // Held three days ago, due a day after it: overdue by about 44 hours. The tour guide has no email address.
        String job = Applications.jobOf(A);
        BookedLoop loop = Loops.standard(A, Applications.appliedTo(A, job), job, 2, Instant.now().minus(3, ChronoUnit.DAYS));
        withoutEmail(loop, "guide");
        Loops.sync(A, loop.snapshot()).then().statusCode(204);
        Loops.submit(loop, "aiko", 4, "STRONG_YES");
        Loops.submit(loop, "tomasz", 2, "NO");
        Loops.sync(A, Loops.replaced(loop, "femi", "noor", 2)).then().statusCode(204);
        reminders.runDue(A);

        Response response = Loops.as(A, "coordinator", "coordinator").get("/v1/loops/" + loop.loopId() + "/feedback-status");
        response.then().statusCode(200);
        JsonPath status = response.jsonPath();
        assertEquals(Map.of("asked", 6, "submitted", 2, "outstanding", 4, "overdue", 4, "withdrawn", 1), status.getMap("counts"));
        assertEquals(loop.loopId().toString(), status.getString("loopId"));
        assertEquals(Applications.CANDIDATE_NAME, status.getString("candidateName"));
        assertEquals(7, status.getList("participants").size());
        assertEquals(List.of("Siobhan Testperson", "Tomasz Testperson", "Aiko Testperson", "Femi Testperson", "Noor Testperson",
                        "Guide Testperson", "Lunchhost Testperson"),
                status.getList("participants.name"), "in the order they met the candidate (the panel by name), withdrawn ones included");

        Map<String, Object> aiko = participant(status, "Aiko Testperson");
        assertEquals("SUBMITTED", aiko.get("status"));
        assertNotNull(aiko.get("submittedAt"));
        assertEquals(false, aiko.get("overdue"));
        assertNull(aiko.get("overdueFor"));
        assertEquals(0, aiko.get("remindersSent"));

        Map<String, Object> lunchhost = participant(status, "Lunchhost Testperson");
        assertEquals("OPEN", lunchhost.get("status"));
        assertEquals(true, lunchhost.get("overdue"));
        int hours = (Integer) lunchhost.get("overdueHours");
        assertTrue(hours >= 43 && hours <= 44, "overdue by " + hours + " h");
        assertTrue(((String) lunchhost.get("overdueFor")).startsWith("PT" + hours + "H"), (String) lunchhost.get("overdueFor"));
        assertEquals("LIGHT", lunchhost.get("form"));
        assertEquals(1, lunchhost.get("remindersSent"));
        assertNotNull(lunchhost.get("lastRemindedAt"));
        assertNull(lunchhost.get("escalatedAt"), "44 hours overdue is not yet 48");
        assertNull(lunchhost.get("submittedAt"));

        Map<String, Object> guide = participant(status, "Guide Testperson");
        assertNull(guide.get("email"), "no address: shown so someone can chase them otherwise");
        assertEquals(0, guide.get("remindersSent"));
        assertNotNull(guide.get("lastRemindedAt"), "the reminder round is recorded even though nothing could be mailed");

        Map<String, Object> femi = participant(status, "Femi Testperson");
        assertEquals("WITHDRAWN", femi.get("status"));
        assertEquals(false, femi.get("overdue"));
        assertTrue(((String) femi.get("withdrawnReason")).contains("replaced"));

        // Coordinators chase feedback; they do not read it.
        String body = response.asString();
        for (String content : List.of("STRONG_YES", "\"NO\"", "ratings", "recommendation", "met the candidate", "notes")) {
            assertFalse(body.contains(content), "no scorecard content (" + content + ") in " + body);
        }

        // The tenant-wide overdue list answers the same question request by request.
        List<String> overdue = Loops.as(A, "coordinator", "coordinator").queryParam("loopId", loop.loopId()).queryParam("overdue", true)
                .get("/v1/feedback-requests").then().statusCode(200).extract().jsonPath().getList("items.participant.name");
        assertEquals(List.of("Guide Testperson", "Lunchhost Testperson", "Noor Testperson", "Siobhan Testperson"),
                overdue.stream().sorted().toList());
    }

    @Test
    void anApplicationsStatusCoversAllItsLoopsOrOneRound() {
        String job = Applications.jobOf(A);
        String application = Applications.appliedTo(A, job);
        BookedLoop first = Loops.standard(A, application, job, 1, Instant.now().minus(10, ChronoUnit.DAYS));
        Loops.sync(A, first.snapshot()).then().statusCode(204);
        Loops.submit(first, "aiko", 3, "YES");
        Loops.submit(first, "guide", 3, "YES");
        // Held yesterday: due in a few hours, so owed but not overdue.
        BookedLoop second = Loops.standard(A, application, job, 2, Instant.now().minus(1, ChronoUnit.DAYS));
        Loops.sync(A, second.snapshot()).then().statusCode(204);

        JsonPath all = Loops.recruiter(A).get("/v1/applications/" + application + "/feedback-status").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Map.of("asked", 12, "submitted", 2, "outstanding", 10, "overdue", 4, "withdrawn", 0), all.getMap("counts"));
        assertEquals(List.of(first.loopId().toString(), second.loopId().toString()), all.getList("loops.loopId"));
        assertNull(all.get("loopId"));

        JsonPath round2 = Loops.recruiter(A).queryParam("round", 2).get("/v1/applications/" + application + "/feedback-status")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("asked", 6, "submitted", 0, "outstanding", 6, "overdue", 0, "withdrawn", 0), round2.getMap("counts"));
        assertEquals(List.of(2), round2.getList("participants.round").stream().distinct().toList());
        assertEquals(List.of(second.loopId().toString()), round2.getList("loops.loopId"));

        JsonPath round1 = Loops.recruiter(A).queryParam("round", 1).get("/v1/applications/" + application + "/feedback-status")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(Map.of("asked", 6, "submitted", 2, "outstanding", 4, "overdue", 4, "withdrawn", 0), round1.getMap("counts"));

        Loops.recruiter(A).queryParam("round", 9).get("/v1/applications/" + application + "/feedback-status").then().statusCode(400);
    }

    @Test
    void coordinatorsRecruitersAdminsIntegrationsAndTheJobsHiringManagerMayAskInterviewersMayNot() {
        BookedLoop loop = Loops.booked(A);
        List<String> paths = List.of("/v1/loops/" + loop.loopId() + "/feedback-status",
                "/v1/applications/" + loop.applicationId() + "/feedback-status");
        for (String path : paths) {
            for (String role : List.of("coordinator", "recruiter", "tenant_admin", "integration")) {
                Loops.as(A, role, role).get(path).then().statusCode(200);
            }
            // The job's hiring manager, although she still owes her own scorecard: no opinions are shown here.
            Loops.as(A, Loops.HIRING_MANAGER).get(path).then().statusCode(200);
            // Another job's hiring manager: as if it did not exist.
            Loops.as(A, "otto", "hiring_manager").get(path).then().statusCode(404);
            // Interviewers (even of this loop) do not chase their colleagues.
            Loops.as(A, "aiko").get(path).then().statusCode(403);
        }
    }

    @Test
    void anotherTenantsLoopOrApplicationAnswersLikeOneThatDoesNotExist() {
        BookedLoop loop = Loops.booked(A);
        String unknown = UUID.randomUUID().toString();
        for (String kind : List.of("loops", "applications")) {
            String id = kind.equals("loops") ? loop.loopId().toString() : loop.applicationId();
            JsonPath theirs = Loops.as(B, "coordinator", "coordinator").get("/v1/" + kind + "/" + id + "/feedback-status")
                    .then().statusCode(404).extract().jsonPath();
            JsonPath none = Loops.as(B, "coordinator", "coordinator").get("/v1/" + kind + "/" + unknown + "/feedback-status")
                    .then().statusCode(404).extract().jsonPath();
            assertEquals(none.getString("type"), theirs.getString("type"));
            assertEquals(none.getString("title"), theirs.getString("title"));
            assertEquals(none.getString("detail"), theirs.getString("detail"));
        }
    }

    @SuppressWarnings("unchecked")
    private static void withoutEmail(BookedLoop loop, String username) {
        for (Map<String, Object> session : (List<Map<String, Object>>) loop.snapshot().get("sessions")) {
            for (Map<String, Object> p : (List<Map<String, Object>>) session.get("participants")) {
                if (p.get("interviewerId").equals(loop.interviewerOf(username).toString())) {
                    p.remove("email");
                }
            }
        }
    }

    private static Map<String, Object> participant(JsonPath status, String name) {
        List<Map<String, Object>> participants = status.getList("participants");
        return participants.stream().filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow();
    }
}
