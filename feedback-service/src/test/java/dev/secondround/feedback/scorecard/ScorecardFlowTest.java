package dev.secondround.feedback.scorecard;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.feedback.testsupport.Loops;
import dev.secondround.feedback.testsupport.Loops.BookedLoop;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A booked loop's requests, scorecards from draft to submitted and changed, and who may read what. */
@QuarkusTest
class ScorecardFlowTest {

    private static final String A = TestTokens.TENANT_A;

    @Test
    void aBookedLoopAsksEveryParticipantOnceWithTheLightFormForTourAndLunch() {
        BookedLoop loop = Loops.booked(A);
        JsonPath requests = requests(loop);
        assertEquals(6, requests.getList("items").size(), "hiring manager, technical, two panelists, tour guide, lunch host");
        assertEquals("FULL", formOf(requests, loop, Loops.HIRING_MANAGER));
        assertEquals("FULL", formOf(requests, loop, "aiko"));
        assertEquals("LIGHT", formOf(requests, loop, "guide"), "tour guide who also hosts lunch: light form");
        assertEquals("LIGHT", formOf(requests, loop, "lunchhost"));
        Instant due = Instant.parse((String) loop.snapshot().get("endsAt")).plus(24, ChronoUnit.HOURS);
        assertEquals(List.of(due.toString()), requests.getList("items.dueAt").stream().distinct().map(d -> Instant.parse((String) d).toString()).toList());
        assertEquals(List.of("OPEN"), requests.getList("items.status").stream().distinct().toList());

        // The same message again (the outbox delivers at least once) changes nothing.
        Loops.sync(A, loop.snapshot()).then().statusCode(204);
        assertEquals(6, requests(loop).getList("items").size());
    }

    @Test
    void aReplacementWithdrawsTheRequestOfWhoeverLeftAndAsksTheNewcomer() {
        BookedLoop loop = Loops.booked(A);
        Map<String, Object> next = Loops.replaced(loop, "femi", "noor", 2);
        Loops.sync(A, next).then().statusCode(204);
        JsonPath requests = requests(loop);
        assertEquals(7, requests.getList("items").size());
        Map<String, Object> femi = requestOfInterviewer(requests, loop.interviewerOf("femi").toString());
        assertEquals("WITHDRAWN", femi.get("status"));
        assertTrue(((String) femi.get("withdrawnReason")).contains("replaced"));
        assertEquals(1, requests.getList("items.participant.name").stream().filter("Noor Testperson"::equals).count());
        // A late copy of version 1 does not bring femi back.
        Loops.sync(A, loop.snapshot()).then().statusCode(204);
        assertEquals("WITHDRAWN", requestOfInterviewer(requests(loop), loop.interviewerOf("femi").toString()).get("status"));
        // The newcomer finds it among their own.
        Loops.as(A, "noor").queryParam("mine", true).get("/v1/feedback-requests").then().statusCode(200)
                .body("items.loopId", hasItems(loop.loopId().toString()));
    }

    @Test
    void aCancelledLoopWithdrawsWhatIsStillOpenButKeepsWhatWasSubmitted() {
        BookedLoop loop = Loops.booked(A);
        Loops.submit(loop, "aiko", 3, "YES");
        Loops.sync(A, Loops.cancelled(loop, 2)).then().statusCode(204);
        JsonPath requests = requests(loop);
        assertEquals("SUBMITTED", requestOfInterviewer(requests, loop.interviewerOf("aiko").toString()).get("status"));
        assertEquals("WITHDRAWN", requestOfInterviewer(requests, loop.interviewerOf("tomasz").toString()).get("status"));
    }

    @Test
    void othersScorecardsStayHiddenUntilYouSubmitYours() {
        BookedLoop loop = Loops.booked(A);
        String aikos = Loops.submit(loop, "aiko", 3, "YES");

        // tomasz still owes his: neither aiko's scorecard, nor the panel's list.
        Loops.as(A, "tomasz").get("/v1/scorecards/" + aikos).then().statusCode(403)
                .body("type", containsString("scorecards-hidden"));
        Loops.as(A, "tomasz").queryParam("applicationId", loop.applicationId()).get("/v1/scorecards").then().statusCode(403);
        Loops.as(A, "tomasz").get("/v1/feedback-requests/" + Loops.requestOf(loop, "aiko") + "/scorecard").then().statusCode(403);
        // The hiring manager owes one too: same rule.
        Loops.as(A, Loops.HIRING_MANAGER).get("/v1/scorecards/" + aikos).then().statusCode(403);
        // The recruiter reads everything.
        Loops.recruiter(A).get("/v1/scorecards/" + aikos).then().statusCode(200).body("recommendation", equalTo("YES"));
        // An interviewer of another loop has nothing to do with it.
        Loops.as(A, "stranger", "interviewer").get("/v1/scorecards/" + aikos).then().statusCode(404);

        Loops.submit(loop, "tomasz", 2, "NO");
        Loops.as(A, "tomasz").get("/v1/scorecards/" + aikos).then().statusCode(200).body("authorName", equalTo("Aiko Testperson"));
        Loops.as(A, "tomasz").queryParam("applicationId", loop.applicationId()).get("/v1/scorecards").then().statusCode(200)
                .body("items.size()", equalTo(2));
    }

    @Test
    void draftsAreTheAuthorsAloneAndOnlyTheParticipantWritesTheirs() {
        BookedLoop loop = Loops.booked(A);
        String request = Loops.requestOf(loop, "aiko");
        Loops.as(A, "aiko").body(Map.of("ratings", Map.of("communication", 3), "notes", "first impressions"))
                .put("/v1/feedback-requests/" + request + "/scorecard").then().statusCode(200).body("status", equalTo("DRAFT"));
        Loops.as(A, "aiko").get("/v1/feedback-requests/" + request + "/scorecard").then().statusCode(200)
                .body("notes", equalTo("first impressions"));
        Loops.recruiter(A).get("/v1/feedback-requests/" + request + "/scorecard").then().statusCode(404);
        Loops.recruiter(A).body(Map.of("ratings", Map.of("communication", 1)))
                .put("/v1/feedback-requests/" + request + "/scorecard").then().statusCode(403);
        Loops.as(A, "tomasz").body(Map.of("ratings", Map.of("communication", 1)))
                .put("/v1/feedback-requests/" + request + "/scorecard").then().statusCode(404);
        // A second save without If-Match would overwrite blindly: refused.
        Loops.as(A, "aiko").body(Map.of("ratings", Map.of("communication", 4)))
                .put("/v1/feedback-requests/" + request + "/scorecard").then().statusCode(428);
    }

    @Test
    void badScorecardsAreRefusedWithTheFieldsNamedAndNothingSaved() {
        BookedLoop loop = Loops.booked(A);
        String request = Loops.requestOf(loop, "aiko");
        String path = "/v1/feedback-requests/" + request + "/scorecard";
        Loops.as(A, "aiko").body(Map.of("ratings", Map.of("communication", 5))).put(path).then().statusCode(400);
        Loops.as(A, "aiko").body(Map.of("ratings", Map.of("charisma", 3))).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("ratings.charisma"));
        Loops.as(A, "aiko").get(path).then().statusCode(404);
        String etag = Loops.as(A, "aiko").body(Map.of("ratings", Map.of("communication", 3))).put(path).then().statusCode(200)
                .extract().header("ETag");
        Loops.as(A, "aiko").header("If-Match", etag).post(path + "/submission").then().statusCode(422)
                .body("errors.field", hasItems("ratings.depth_of_experience", "recommendation"));
        Loops.as(A, "aiko").get(path).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void changesAfterSubmissionNeedAReasonAndKeepTheHistory() {
        BookedLoop loop = Loops.booked(A);
        String scorecardId = Loops.submit(loop, "aiko", 3, "YES");
        String path = "/v1/feedback-requests/" + Loops.requestOf(loop, "aiko") + "/scorecard";
        JsonPath current = Loops.as(A, "aiko").get(path).then().statusCode(200).extract().jsonPath();
        String etag = Loops.as(A, "aiko").get(path).header("ETag");
        Map<String, Object> ratings = current.getMap("ratings");
        ratings.put("communication", 2);
        Loops.as(A, "aiko").header("If-Match", etag).body(Map.of("ratings", ratings, "recommendation", "NO"))
                .put(path).then().statusCode(400).body("errors[0].field", equalTo("changeReason"));
        Loops.as(A, "aiko").header("If-Match", etag).body(Map.of("ratings", ratings, "recommendation", "NO",
                        "changeReason", "slept on it"))
                .put(path).then().statusCode(200).body("revision", equalTo(2)).body("recommendation", equalTo("NO"));
        Loops.recruiter(A).get("/v1/scorecards/" + scorecardId + "/revisions").then().statusCode(200)
                .body("revision", equalTo(List.of(1, 2)))
                .body("recommendation", equalTo(List.of("YES", "NO")))
                .body("[1].changeReason", equalTo("slept on it"));
    }

    @Test
    void feedbackCannotBeSubmittedBeforeTheInterviewHappened() {
        BookedLoop loop = Loops.standard(A, dev.secondround.testing.Applications.inRound(A, 2),
                dev.secondround.testing.Applications.jobOf(A), 2, Instant.now().plus(2, ChronoUnit.DAYS));
        Loops.sync(A, loop.snapshot()).then().statusCode(204);
        String path = "/v1/feedback-requests/" + Loops.requestOf(loop, "aiko") + "/scorecard";
        String etag = Loops.as(A, "aiko").body(Map.of("ratings", Map.of("communication", 3))).put(path).then().statusCode(200)
                .extract().header("ETag");
        Loops.as(A, "aiko").header("If-Match", etag).post(path + "/submission").then().statusCode(409)
                .body("detail", containsString("once you have met them"));
    }

    private static JsonPath requests(BookedLoop loop) {
        return Loops.recruiter(loop.tenant()).queryParam("loopId", loop.loopId()).queryParam("limit", 100)
                .get("/v1/feedback-requests").then().statusCode(200).extract().jsonPath();
    }

    private static String formOf(JsonPath requests, BookedLoop loop, String username) {
        return (String) requestOfInterviewer(requests, loop.interviewerOf(username).toString()).get("form");
    }

    private static Map<String, Object> requestOfInterviewer(JsonPath requests, String interviewerId) {
        List<Map<String, Object>> items = requests.getList("items");
        return items.stream().filter(r -> ((Map<?, ?>) r.get("participant")).get("interviewerId").equals(interviewerId)).findFirst()
                .orElseThrow();
    }
}
