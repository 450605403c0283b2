package dev.secondround.scheduling.feedbacksync;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.scheduling.testsupport.Directory;
import dev.secondround.scheduling.testsupport.FeedbackReceiver;
import dev.secondround.scheduling.testsupport.OutboxRows;
import dev.secondround.testing.Applications;
import dev.secondround.testing.PostgresTestResource;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The feedback service learns of booked loops and their changes through the outbox: queued in the
 * change's transaction (never for drafts and proposals), sent as the loop is at delivery time with a
 * service token of the loop's tenant, and retried until the feedback service takes it, however long
 * that takes; sent again when a participant's directory entry changes what the feedback service knows.
 */
@QuarkusTest
class LoopFeedbackSyncTest {

    private static final String A = TestTokens.TENANT_A;
    private static final String TOPIC = LoopFeedbackSync.TOPIC;
    private static final Duration DELIVERY = Duration.ofSeconds(20);
    /** A first failure is retried 10 s later (OutboxRelay's backoff), then the relay needs up to a second. */
    private static final Duration RETRY = Duration.ofSeconds(30);

    @Test
    void bookingQueuesOneMessageInItsTransactionDraftsAndProposalsNone() {
        String ingrid = Directory.person(A, "Ingrid Solberg-Haugen");
        Map<String, Object> booking = Directory.loopBooking(A, ingrid);
        String booked = Directory.created(Directory.coordinator(A).body(booking).post("/v1/loops"));
        assertEquals(1, OutboxRows.aboutLoop(A, TOPIC, booked).size());

        // The same slot for another application: refused, rolled back, and nothing queued with it.
        int before = OutboxRows.count(A, TOPIC);
        Map<String, Object> clash = new HashMap<>(booking);
        @SuppressWarnings("unchecked")
        Map<String, Object> plan = new HashMap<>((Map<String, Object>) booking.get("plan"));
        plan.put("applicationId", Applications.inRound(A));
        clash.put("plan", plan);
        Directory.coordinator(A).body(clash).post("/v1/loops").then().statusCode(409);
        assertEquals(before, OutboxRows.count(A, TOPIC));

        Map<String, Object> later = Directory.loopBooking(A, ingrid);
        String draft = Directory.created(Directory.coordinator(A).body(Map.of("plan", later.get("plan"))).post("/v1/loops"));
        Map<String, Object> proposal = Directory.loopBooking(A, ingrid);
        String proposed = Directory.created(Directory.coordinator(A)
                .body(Map.of("plan", proposal.get("plan"), "proposedOptions", List.of(proposal.get("option")))).post("/v1/loops"));
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, proposed)).body(Map.of("reason", "Candidate withdrew"))
                .post("/v1/loops/" + proposed + "/cancel").then().statusCode(200);
        assertEquals(0, OutboxRows.aboutLoop(A, TOPIC, draft).size(), "a draft is nobody's feedback business");
        assertEquals(0, OutboxRows.aboutLoop(A, TOPIC, proposed).size(), "nor a proposal, even when cancelled");

        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, draft)).body(Map.of("option", later.get("option")))
                .post("/v1/loops/" + draft + "/booking").then().statusCode(200);
        assertEquals(1, OutboxRows.aboutLoop(A, TOPIC, draft).size(), "booking the draft queues it");
    }

    @Test
    void theFeedbackServiceGetsTheLoopAsItIsNowWithItsPeopleFromTheDirectory() throws Exception {
        Loop loop = bookedLoopWithABreak();
        assertEquals(1, OutboxRows.aboutLoop(A, TOPIC, loop.id).size());
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, loop.id)).body(Map.of("interviewerId", loop.kwame, "reason", "Illness"))
                .post("/v1/loops/" + loop.id + "/replacements").then().statusCode(200);
        assertEquals(2, OutboxRows.aboutLoop(A, TOPIC, loop.id).size(), "the replacement queues its own message");
        JsonPath view = Directory.coordinator(A).get("/v1/loops/" + loop.id).then().statusCode(200).extract().jsonPath();
        long version = view.getLong("version");

        FeedbackReceiver.Received put = FeedbackReceiver.await("/v1/loops/" + loop.id,
                r -> JsonPath.from(r.body()).getLong("version") == version, DELIVERY);
        assertEquals("PUT", put.method());
        assertTrue(put.contentType().startsWith("application/json"), put.contentType());
        JsonPath sent = JsonPath.from(put.body());
        assertEquals(loop.id, sent.getString("loopId"));
        assertEquals("BOOKED", sent.getString("status"));
        assertEquals(view.getString("applicationId"), sent.getString("applicationId"));
        assertEquals(view.getString("candidate.id"), sent.getString("candidateId"));
        assertEquals(Applications.CANDIDATE_NAME, sent.getString("candidateName"));
        assertEquals(view.getString("job.id"), sent.getString("jobId"));
        assertEquals(Applications.JOB_TITLE, sent.getString("jobTitle"));
        assertEquals(2, sent.getInt("round"));
        assertEquals("Second round: onsite loop", sent.getString("roundName"));
        assertEquals("Europe/Berlin", sent.getString("timeZone"));
        assertEquals(loop.day, sent.getString("day"));
        assertEquals(loop.day + "T08:00:00Z", sent.getString("startsAt"));
        assertEquals(loop.day + "T10:00:00Z", sent.getString("endsAt"));

        assertEquals(List.of("hiring-manager", "technical"), sent.getList("sessions.sessionKey"), "the break has nobody in it");
        assertEquals(List.of("INTERVIEW", "TECHNICAL"), sent.getList("sessions.kind"));
        assertEquals(view.getList("sessions.findAll { it.kind != 'BREAK' }.title"), sent.getList("sessions.title"));
        assertEquals(loop.day + "T09:00:00Z", sent.getString("sessions[1].startsAt"));
        assertEquals(loop.day + "T10:00:00Z", sent.getString("sessions[1].endsAt"));
        Map<String, Object> manager = sent.getMap("sessions[0].participants[0]");
        assertEquals(Map.of("interviewerId", loop.ingrid, "fullName", "Ingrid Solberg-Haugen", "title", "Head of Platform Engineering",
                "roleKind", "HIRING_MANAGER", "email", loop.ingridEmail, "oidcSubject", loop.ingridSubject), manager);
        assertEquals(List.of(loop.ana), sent.getList("sessions[1].participants.interviewerId"), "Kwame was replaced by Ana");
        assertEquals("PEER", sent.getString("sessions[1].participants[0].roleKind"));
        assertNull(sent.get("sessions[1].participants[0].oidcSubject"), "Ana has no sign-in linked");
        assertTrue(!put.body().contains(loop.kwame), "whoever was replaced is simply absent");

        // A service token of the loop's tenant, which a service of this platform accepts as such.
        assertTrue(put.authorization().startsWith("Bearer "), put.authorization());
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(put.authorization().substring(7).split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertEquals(A, claims.getString("tenant"));
        assertEquals("ambrion-services", claims.getString("azp"));
        RestAssured.given().header("Authorization", put.authorization()).get("/v1/me").then().statusCode(200)
                .body("tenant", equalTo(A)).body("roles", hasItem("platform_service"));

        // Ingrid cannot make 10:00 any more: her session moves, and the feedback service learns the new time.
        JsonPath moved = Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, loop.id))
                .body(Map.of("interviewerId", loop.ingrid, "reason", "Board meeting"))
                .post("/v1/loops/" + loop.id + "/session-moves").then().statusCode(200).extract().jsonPath();
        assertEquals(3, OutboxRows.aboutLoop(A, TOPIC, loop.id).size(), "the move queues its own message");
        long movedVersion = moved.getLong("version");
        String newStart = moved.getString("sessions.find { it.sessionId == 'hiring-manager' }.start");
        assertNotEquals(loop.day + "T08:00:00Z", newStart);
        JsonPath afterMove = JsonPath.from(FeedbackReceiver.await("/v1/loops/" + loop.id,
                r -> JsonPath.from(r.body()).getLong("version") == movedVersion, DELIVERY).body());
        assertEquals(newStart, afterMove.getString("sessions.find { it.sessionKey == 'hiring-manager' }.startsAt"));
        assertEquals(moved.getString("startsAt"), afterMove.getString("startsAt"));
        assertEquals(moved.getString("endsAt"), afterMove.getString("endsAt"));

        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, loop.id)).body(Map.of("reason", "Candidate accepted another offer"))
                .post("/v1/loops/" + loop.id + "/cancel").then().statusCode(200);
        assertEquals(4, OutboxRows.aboutLoop(A, TOPIC, loop.id).size(), "the cancellation queues its own message");
        FeedbackReceiver.Received cancelled = FeedbackReceiver.await("/v1/loops/" + loop.id,
                r -> "CANCELLED".equals(JsonPath.from(r.body()).getString("status")), DELIVERY);
        assertTrue(JsonPath.from(cancelled.body()).getLong("version") > movedVersion, "a cancellation is a newer version");
        // Every message delivered, each with the state at its delivery: versions never went backwards.
        OutboxRows.awaitAll(A, TOPIC, loop.id, r -> r.status().equals("DELIVERED"), DELIVERY);
        List<Long> versions = FeedbackReceiver.to("/v1/loops/" + loop.id).stream()
                .map(r -> JsonPath.from(r.body()).getLong("version")).toList();
        assertEquals(versions.stream().sorted().toList(), versions);
        assertEquals(JsonPath.from(cancelled.body()).getLong("version"), versions.get(versions.size() - 1));
    }

    @Test
    void aRefusalIsRetriedWithAFreshTokenUntilTheFeedbackServiceTakesIt() throws Exception {
        String ingrid = Directory.person(A, "Ingrid Solberg-Haugen");
        FeedbackReceiver.answer(401);
        try {
            String loopId = Directory.created(Directory.coordinator(A).body(Directory.loopBooking(A, ingrid)).post("/v1/loops"));
            OutboxRows.Row refused = OutboxRows.awaitOnly(A, TOPIC, loopId, r -> r.attempts() >= 1, DELIVERY);
            assertEquals("PENDING", refused.status());
            assertTrue(refused.lastError().contains("HTTP 401"), refused.lastError());
            String refusedToken = FeedbackReceiver.to("/v1/loops/" + loopId).get(0).authorization();

            FeedbackReceiver.answer(204);
            OutboxRows.Row delivered = OutboxRows.awaitOnly(A, TOPIC, loopId, r -> r.status().equals("DELIVERED"), RETRY);
            assertEquals(2, delivered.attempts());
            List<FeedbackReceiver.Received> puts = FeedbackReceiver.to("/v1/loops/" + loopId);
            assertEquals(2, puts.size(), "one refused, one taken");
            assertNotEquals(refusedToken, puts.get(1).authorization(), "the refused token was forgotten, a fresh one fetched");
        } finally {
            FeedbackReceiver.answer(204);
        }
    }

    @Test
    void whileTheFeedbackServiceIsDownNothingIsLostAndItArrivesOnceItIsBack() throws Exception {
        String ingrid = Directory.person(A, "Ingrid Solberg-Haugen");
        FeedbackReceiver.down();
        String loopId;
        try {
            loopId = Directory.created(Directory.coordinator(A).body(Directory.loopBooking(A, ingrid)).post("/v1/loops"));
            OutboxRows.Row waiting = OutboxRows.awaitOnly(A, TOPIC, loopId, r -> r.attempts() >= 1, DELIVERY);
            assertEquals("PENDING", waiting.status());
            assertTrue(waiting.lastError().contains("unreachable"), waiting.lastError());
            assertEquals(0, FeedbackReceiver.to("/v1/loops/" + loopId).size());
        } finally {
            FeedbackReceiver.up();
        }
        OutboxRows.awaitOnly(A, TOPIC, loopId, r -> r.status().equals("DELIVERED"), RETRY);
        Thread.sleep(2500);
        assertEquals(1, FeedbackReceiver.to("/v1/loops/" + loopId).size(), "delivered exactly once");
    }

    @Test
    void anOutageLongerThanTheAttemptLimitDelaysTheSyncButNeverDropsItUnlikeAnInvite() throws Exception {
        String ingrid = Directory.person(A, "Ingrid Solberg-Haugen");
        FeedbackReceiver.down();
        String loopId;
        try {
            loopId = Directory.created(Directory.coordinator(A).body(Directory.loopBooking(A, ingrid)).post("/v1/loops"));
            OutboxRows.awaitOnly(A, TOPIC, loopId, r -> r.attempts() >= 1, DELIVERY);
            // Hours later: twelve attempts failed (the platform's limit), and the thirteenth fails too.
            OutboxRows.failedSoFar(A, TOPIC, loopId, 12);
            Instant thirteenth = Instant.now();
            OutboxRows.Row waiting = OutboxRows.awaitOnly(A, TOPIC, loopId, r -> r.attempts() == 13, DELIVERY);
            assertEquals("PENDING", waiting.status(), "the loop still waits for the feedback service");
            assertTrue(waiting.lastError().contains("unreachable"), waiting.lastError());
            assertTrue(waiting.nextAttemptAt().isAfter(thirteenth.plus(Duration.ofMinutes(59)))
                    && waiting.nextAttemptAt().isBefore(Instant.now().plus(Duration.ofMinutes(61))),
                    "tried again hourly, not faster: " + waiting.nextAttemptAt());

            // An invite whose mail fails as often is given up on (the loop is gone: it can never be mailed).
            String gone = UUID.randomUUID().toString();
            OutboxRows.queued(A, "loop-invites",
                    "{\"loopId\":\"" + gone + "\",\"version\":0,\"candidate\":true,\"interviewerIds\":[]}", 12);
            OutboxRows.Row invite = OutboxRows.awaitOnly(A, "loop-invites", gone, r -> r.attempts() == 13, DELIVERY);
            assertEquals("FAILED", invite.status());
        } finally {
            FeedbackReceiver.up();
        }
        // The feedback service is back: the next hourly attempt (here: at once) delivers the loop.
        OutboxRows.failedSoFar(A, TOPIC, loopId, 30);
        OutboxRows.Row delivered = OutboxRows.awaitOnly(A, TOPIC, loopId, r -> r.status().equals("DELIVERED"), DELIVERY);
        assertEquals(31, delivered.attempts());
        assertEquals(1, FeedbackReceiver.to("/v1/loops/" + loopId).size());
    }

    @Test
    void linkingAParticipantsSignInResendsTheirLoopsAtTheSameVersion() throws Exception {
        // Femi had no sign-in when booked: the feedback service got the loop without one for him.
        Map<String, Object> entry = new HashMap<>(Directory.interviewerBody(null, A));
        entry.put("fullName", "Femi Adeyemi-Larsen");
        String femi = Directory.created(Directory.coordinator(A).body(entry).post("/v1/interviewers"));
        String upcoming = Directory.created(Directory.coordinator(A).body(Directory.loopBooking(A, femi)).post("/v1/loops"));
        String cancelled = Directory.created(Directory.coordinator(A).body(Directory.loopBooking(A, femi)).post("/v1/loops"));
        Directory.coordinator(A).header("If-Match", Directory.loopEtag(A, cancelled)).body(Map.of("reason", "Candidate withdrew"))
                .post("/v1/loops/" + cancelled + "/cancel").then().statusCode(200);
        String longAgo = Directory.created(Directory.coordinator(A).body(Directory.loopBooking(A, femi)).post("/v1/loops"));
        heldDaysAgo(longAgo, 40);
        long version = Directory.coordinator(A).get("/v1/loops/" + upcoming).then().statusCode(200).extract().jsonPath().getLong("version");
        FeedbackReceiver.Received first = FeedbackReceiver.await("/v1/loops/" + upcoming, r -> true, DELIVERY);
        assertNull(JsonPath.from(first.body()).get("sessions[0].participants[0].oidcSubject"));
        for (String loop : List.of(upcoming, cancelled, longAgo)) {
            OutboxRows.awaitAll(A, TOPIC, loop, r -> r.status().equals("DELIVERED"), DELIVERY);
        }
        Map<String, Integer> before = Map.of(upcoming, 1, cancelled, 2, longAgo, 1);
        before.forEach((loop, messages) -> assertEquals(messages, OutboxRows.aboutLoop(A, TOPIC, loop).size()));

        // Working hours are no business of the feedback service's.
        entry.put("workingHours", List.of(Map.of("day", "MONDAY", "start", "08:00", "end", "12:00")));
        updateInterviewer(femi, entry);
        before.forEach((loop, messages) -> assertEquals(messages, OutboxRows.aboutLoop(A, TOPIC, loop).size(), "nothing queued for " + loop));

        String subject = TestTokens.subjectOf(A, "femi-" + Directory.unique());
        entry.put("oidcSubject", subject);
        updateInterviewer(femi, entry);
        assertEquals(2, OutboxRows.aboutLoop(A, TOPIC, upcoming).size(), "his upcoming loop is sent again");
        assertEquals(2, OutboxRows.aboutLoop(A, TOPIC, cancelled).size(), "a cancelled loop has nobody to ask for feedback");
        assertEquals(1, OutboxRows.aboutLoop(A, TOPIC, longAgo).size(), "nor does one held more than 30 days ago");
        JsonPath resent = JsonPath.from(FeedbackReceiver.await("/v1/loops/" + upcoming,
                r -> subject.equals(JsonPath.from(r.body()).getString("sessions[0].participants[0].oidcSubject")), DELIVERY).body());
        assertEquals(version, resent.getLong("version"), "the loop did not change, so neither did its version");
        assertEquals("BOOKED", resent.getString("status"));
        assertEquals(femi, resent.getString("sessions[0].participants[0].interviewerId"));
        assertEquals(entry.get("email"), resent.getString("sessions[0].participants[0].email"));
        assertEquals(version, Directory.coordinator(A).get("/v1/loops/" + upcoming).then().extract().jsonPath().getLong("version"));
    }

    private static void updateInterviewer(String id, Map<String, Object> body) {
        String etag = Directory.coordinator(A).get("/v1/interviewers/" + id).then().statusCode(200).extract().header("ETag");
        Directory.coordinator(A).header("If-Match", etag).body(body).put("/v1/interviewers/" + id).then().statusCode(200);
    }

    /** Moves the loop's booking rows (who is in which session when) this many days into the past; bookings cannot be made there. */
    private static void heldDaysAgo(String loopId, int days) {
        var database = PostgresTestResource.database();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             PreparedStatement setTenant = connection.prepareStatement("select set_config('app.tenant_id', ?, false)");
             PreparedStatement move = connection.prepareStatement("""
                     update scheduling.interviewer_booking b
                     set during = tstzrange(now() - make_interval(days => ?), now() - make_interval(days => ?) + interval '30 minutes')
                     from scheduling.loop_session s where s.tenant_id = b.tenant_id and s.id = b.loop_session_id and s.loop_id = ?""")) {
            setTenant.setString(1, A);
            setTenant.execute();
            move.setInt(1, days);
            move.setInt(2, days);
            move.setObject(3, UUID.fromString(loopId));
            assertEquals(1, move.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot move the loop's bookings", e);
        }
    }

    private record Loop(String id, String day, String ingrid, String ingridEmail, String ingridSubject, String kwame, String ana) {
    }

    /** Ingrid (hiring manager, signs in) 10:00–10:45, a break, then a technical session with Kwame from a pool with Ana. */
    private static Loop bookedLoopWithABreak() {
        String signIn = "ingrid-" + Directory.unique();
        Map<String, Object> manager = new HashMap<>(Directory.interviewerBody(signIn, A));
        manager.putAll(Map.of("fullName", "Ingrid Solberg-Haugen", "title", "Head of Platform Engineering", "roleKind", "HIRING_MANAGER"));
        String ingrid = Directory.created(Directory.coordinator(A).body(manager).post("/v1/interviewers"));
        String kwame = Directory.person(A, "Kwame Mensah-Boateng");
        String ana = Directory.person(A, "Ana Beatriz Figueiredo");
        String pool = Directory.created(Directory.coordinator(A).body(Directory.poolBody(kwame, ana)).post("/v1/pools"));
        // A Tuesday in September 2027 (summer time: 08:00Z is 10:00 in Berlin), a random week so reruns do not collide.
        String day = java.time.LocalDate.of(2027, 9, 7).plusWeeks(new java.util.Random().nextInt(8)).toString();
        Map<String, Object> plan = Map.of("applicationId", Applications.inRound(A), "timeZone", "Europe/Berlin", "firstDay", day, "lastDay", day,
                "candidateAvailability", List.of(Map.of("start", day + "T06:00:00Z", "end", day + "T16:00:00Z")),
                "sessions", List.of(
                        Map.of("id", "hiring-manager", "kind", "INTERVIEW", "durationMinutes", 45, "interviewerIds", List.of(ingrid), "room", "VIDEO"),
                        Map.of("id", "coffee", "kind", "BREAK", "durationMinutes", 15),
                        Map.of("id", "technical", "kind", "TECHNICAL", "durationMinutes", 60,
                                "fromPools", List.of(Map.of("poolId", pool, "count", 1)), "room", "VIDEO")));
        Map<String, Object> booking = Map.of("plan", plan, "option", Map.of("day", day, "sessions", List.of(
                Map.of("sessionId", "hiring-manager", "start", day + "T08:00:00Z", "interviewerIds", List.of(ingrid)),
                Map.of("sessionId", "coffee", "start", day + "T08:45:00Z", "interviewerIds", List.of()),
                Map.of("sessionId", "technical", "start", day + "T09:00:00Z", "interviewerIds", List.of(kwame)))));
        String loopId = Directory.created(Directory.coordinator(A).body(booking).post("/v1/loops"));
        return new Loop(loopId, day, ingrid, (String) manager.get("email"), TestTokens.subjectOf(A, signIn), kwame, ana);
    }
}
