package dev.secondround.feedback.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.feedback.testsupport.Loops;
import dev.secondround.feedback.testsupport.Loops.BookedLoop;
import dev.secondround.feedback.testsupport.RequestClock;
import dev.secondround.testing.Applications;
import dev.secondround.testing.TestTokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The reminder job against overdue loops (the default policy: due 24 h after the loop, reminded every
 * 24 h, escalated after 48 h overdue): one mail per overdue participant and run, none within the
 * interval, none for who submitted, one escalation to the job's hiring manager, tenants kept apart.
 */
@QuarkusTest
class FeedbackRemindersTest {

    private static final String A = TestTokens.TENANT_A;
    private static final String B = TestTokens.TENANT_B;

    @Inject
    FeedbackReminders reminders;

    @Inject
    MockMailbox mailbox;

    @Inject
    RequestClock clock;

    @Test
    void everyOverdueParticipantIsRemindedOnceByMailAndNotAgainWithinTheInterval() throws Exception {
        // Held three days ago, due a day after: overdue by about 44 hours, not yet escalated.
        BookedLoop loop = overdueLoop(A, Applications.jobOf(A), 3, "guide");
        Loops.submit(loop, "aiko", 3, "YES");

        reminders.runDue();

        for (String username : List.of(Loops.HIRING_MANAGER, "tomasz", "femi", "lunchhost")) {
            String request = Loops.requestOf(loop, username);
            Mail mail = awaitOneMail(username + "@helix.example", request);
            assertTrue(mail.getSubject().contains(Applications.CANDIDATE_NAME), mail.getSubject());
            String text = mail.getText();
            assertTrue(text.contains(Applications.CANDIDATE_NAME) && text.contains(Applications.JOB_TITLE) && text.contains("round 2"), text);
            assertTrue(text.contains("(Europe/Berlin)"), "times in the loop's time zone: " + text);
            assertTrue(text.contains("You met " + Applications.CANDIDATE_NAME + " on "), text);
            assertTrue(text.contains("/v1/feedback-requests/" + request), text);
            assertTrue(text.contains("reminder 1"), text);
            List<Map<String, Object>> notes = notifications(A, request);
            assertEquals(1, notes.size(), username + ": one reminder recorded");
            assertEquals("REMINDER", notes.get(0).get("kind"));
            assertEquals(username + "@helix.example", notes.get(0).get("recipientEmail"));
            assertEquals(1, (int) Loops.recruiter(A).get("/v1/feedback-requests/" + request).then().statusCode(200)
                    .extract().jsonPath().getInt("remindersSent"));
        }
        // Submitted: nobody chases aiko.
        assertEquals(0, notifications(A, Loops.requestOf(loop, "aiko")).size());
        assertEquals(0, mailsAbout("aiko@helix.example", Loops.requestOf(loop, "aiko")).size());
        // No email address: recorded as not sent, nothing mailed, nothing counted as sent.
        List<Map<String, Object>> guide = notifications(A, Loops.requestOf(loop, "guide"));
        assertEquals(1, guide.size());
        assertEquals(false, guide.get(0).get("mailed"));
        assertTrue(((String) guide.get(0).get("notSentReason")).contains("no email address"));
        assertNull(guide.get(0).get("delivery"));

        // The relay delivered them: the record says so.
        String tomasz = Loops.requestOf(loop, "tomasz");
        await(() -> "DELIVERED".equals(delivery(A, tomasz).get("status")), "tomasz's reminder delivered");
        assertEquals(1, delivery(A, tomasz).get("attempts"));

        // A second run within the interval sends nothing more.
        reminders.runDue();
        Thread.sleep(2500);
        for (String username : List.of(Loops.HIRING_MANAGER, "tomasz", "femi", "lunchhost", "guide")) {
            assertEquals(1, notifications(A, Loops.requestOf(loop, username)).size(), username);
        }
        assertEquals(1, mailsAbout("tomasz@helix.example", tomasz).size());

        // Once the interval has passed: the second reminder, and only for who still owes it.
        clock.lastRemindedAgo(A, tomasz, Duration.ofHours(25));
        Loops.submit(loop, "femi", 2, "NO");
        clock.lastRemindedAgo(A, Loops.requestOf(loop, "femi"), Duration.ofHours(25));
        reminders.runDue();
        await(() -> mailsAbout("tomasz@helix.example", tomasz).size() == 2, "tomasz's second reminder");
        assertTrue(mailsAbout("tomasz@helix.example", tomasz).get(1).getText().contains("reminder 2"));
        assertEquals(2, notifications(A, tomasz).size());
        assertEquals(1, notifications(A, Loops.requestOf(loop, "femi")).size(), "femi submitted in between: not reminded again");
    }

    @Test
    void overdueBeyondTheThresholdIsEscalatedOnceToTheJobsHiringManagerInOneMailPerLoop() throws Exception {
        // A job managed by marta; held four days ago: overdue by about 68 hours, past the 48 hours.
        String job = Applications.newJob(A, "marta");
        BookedLoop loop = overdueLoop(A, job, 4);
        Loops.submit(loop, "aiko", 4, "STRONG_YES");

        reminders.runDue();

        Mail escalation = awaitOneMail("marta@helix.example", loop.loopId().toString());
        assertTrue(escalation.getSubject().startsWith("Feedback overdue on " + Applications.CANDIDATE_NAME), escalation.getSubject());
        String text = escalation.getText();
        for (String name : List.of("Siobhan Testperson", "Tomasz Testperson", "Femi Testperson", "Guide Testperson", "Lunchhost Testperson")) {
            assertTrue(text.contains(name), name + " is named: " + text);
        }
        assertTrue(!text.contains("Aiko Testperson"), "aiko submitted: " + text);
        assertTrue(text.contains("overdue by 2 days"), text);
        assertTrue(text.contains("/v1/loops/" + loop.loopId() + "/feedback-status"), text);
        List<Map<String, Object>> tomasz = notifications(A, Loops.requestOf(loop, "tomasz"));
        assertEquals(List.of("ESCALATION", "REMINDER"), tomasz.stream().map(n -> (String) n.get("kind")).sorted().toList());
        Map<String, Object> toManager = tomasz.stream().filter(n -> "ESCALATION".equals(n.get("kind"))).findFirst().orElseThrow();
        assertEquals("marta@helix.example", toManager.get("recipientEmail"));
        assertEquals("Siobhán Ní Bhriain", toManager.get("recipientName"), "the name the candidate service has for the job's manager");

        // Once per request: later runs (even after the reminder interval) do not escalate again.
        reminders.runDue();
        clock.lastRemindedAgo(A, Loops.requestOf(loop, "tomasz"), Duration.ofHours(25));
        reminders.runDue();
        await(() -> mailsAbout("tomasz@helix.example", Loops.requestOf(loop, "tomasz")).size() == 2, "tomasz reminded again");
        Thread.sleep(2000);
        assertEquals(1, mailsAbout("marta@helix.example", loop.loopId().toString()).size());
        assertEquals(1, notifications(A, Loops.requestOf(loop, "tomasz")).stream().filter(n -> "ESCALATION".equals(n.get("kind"))).count());
    }

    @Test
    void anOverdueHiringManagerIsNotEscalatedToThemselves() throws Exception {
        // The tenant's usual job: siobhan manages it and was on the loop.
        BookedLoop loop = overdueLoop(A, Applications.jobOf(A), 4);

        reminders.runDue();

        Mail escalation = awaitOneMail("siobhan@helix.example", "/v1/loops/" + loop.loopId());
        assertTrue(escalation.getText().contains("Tomasz Testperson"), escalation.getText());
        assertTrue(!escalation.getText().contains("Siobhan Testperson"), "not told about herself: " + escalation.getText());
        Map<String, Object> own = notifications(A, Loops.requestOf(loop, Loops.HIRING_MANAGER)).stream()
                .filter(n -> "ESCALATION".equals(n.get("kind"))).findFirst().orElseThrow();
        assertEquals(false, own.get("mailed"));
        assertTrue(((String) own.get("notSentReason")).contains("is the job's hiring manager"), (String) own.get("notSentReason"));
        // She is still reminded like everyone else.
        awaitOneMail("siobhan@helix.example", Loops.requestOf(loop, Loops.HIRING_MANAGER));
    }

    @Test
    void aTenantsRunNeverTouchesAnotherTenantsRequests() throws Exception {
        BookedLoop loop = overdueLoop(A, Applications.jobOf(A), 3);
        String tomasz = Loops.requestOf(loop, "tomasz");

        reminders.runDue(B);

        assertEquals(0, notifications(A, tomasz).size());
        assertEquals(0, Loops.recruiter(A).get("/v1/feedback-requests/" + tomasz).then().statusCode(200)
                .extract().jsonPath().getInt("remindersSent"));
        Thread.sleep(1500);
        assertEquals(0, mailsAbout("tomasz@helix.example", tomasz).size());

        reminders.runDue(A);
        awaitOneMail("tomasz@helix.example", tomasz);
        // The other tenant cannot read the record either.
        Loops.as(B, "coordinator", "coordinator").get("/v1/feedback-requests/" + tomasz + "/notifications").then().statusCode(404);
    }

    @Test
    void twoInstancesRunningAtOnceRemindEachRequestOnce() throws Exception {
        BookedLoop loop = overdueLoop(A, Applications.newJob(A, "marta"), 4);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<FeedbackReminders.Run>> runs = instances.invokeAll(List.of(() -> reminders.runDue(A), () -> reminders.runDue(A)));
            for (Future<FeedbackReminders.Run> run : runs) {
                run.get();
            }
        } finally {
            instances.shutdown();
        }
        for (String username : List.of(Loops.HIRING_MANAGER, "tomasz", "aiko", "femi", "guide", "lunchhost")) {
            String request = Loops.requestOf(loop, username);
            List<Map<String, Object>> notes = notifications(A, request);
            assertEquals(List.of("ESCALATION", "REMINDER"), notes.stream().map(n -> (String) n.get("kind")).sorted().toList(), username);
            awaitOneMail(username + "@helix.example", request);
        }
        awaitOneMail("marta@helix.example", "/v1/loops/" + loop.loopId());
    }

    @Test
    void theRecordIsReadByWhoeverMaySeeTheRequest() {
        String job = Applications.newJob(A, "marta");
        BookedLoop loop = overdueLoop(A, job, 3);
        reminders.runDue(A);
        String path = "/v1/feedback-requests/" + Loops.requestOf(loop, "aiko") + "/notifications";
        Loops.as(A, "aiko").get(path).then().statusCode(200);
        Loops.as(A, "coordinator", "coordinator").get(path).then().statusCode(200);
        Loops.as(A, "integration", "integration").get(path).then().statusCode(200);
        Loops.as(A, "marta", "hiring_manager").get(path).then().statusCode(200);
        Loops.as(A, "tomasz").get(path).then().statusCode(404);
        Loops.as(A, "otto", "hiring_manager").get(path).then().statusCode(404);
    }

    /** The standard loop for a fresh application of {@code jobId}, held {@code daysAgo} days ago; {@code withoutEmail} have none. */
    @SuppressWarnings("unchecked")
    static BookedLoop overdueLoop(String tenant, String jobId, int daysAgo, String... withoutEmail) {
        BookedLoop loop = Loops.standard(tenant, Applications.appliedTo(tenant, jobId), jobId, 2,
                Instant.now().minus(daysAgo, ChronoUnit.DAYS));
        for (String username : withoutEmail) {
            for (Map<String, Object> session : (List<Map<String, Object>>) loop.snapshot().get("sessions")) {
                for (Map<String, Object> p : (List<Map<String, Object>>) session.get("participants")) {
                    if (p.get("interviewerId").equals(loop.interviewerOf(username).toString())) {
                        p.remove("email");
                    }
                }
            }
        }
        Loops.sync(tenant, loop.snapshot()).then().statusCode(204);
        return loop;
    }

    static List<Map<String, Object>> notifications(String tenant, String requestId) {
        return Loops.recruiter(tenant).queryParam("limit", 100).get("/v1/feedback-requests/" + requestId + "/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> delivery(String tenant, String requestId) {
        Map<String, Object> delivery = (Map<String, Object>) notifications(tenant, requestId).get(0).get("delivery");
        assertNotNull(delivery);
        return new LinkedHashMap<>(delivery);
    }

    /** Mails to {@code to} mentioning {@code marker} (participants' addresses are the same on every test loop). */
    private List<Mail> mailsAbout(String to, String marker) {
        return mailbox.getMailsSentTo(to).stream().filter(m -> m.getText().contains(marker)).toList();
    }

    private Mail awaitOneMail(String to, String marker) throws InterruptedException {
        await(() -> !mailsAbout(to, marker).isEmpty(), "a mail to " + to + " about " + marker);
        Thread.sleep(300);
        List<Mail> mails = mailsAbout(to, marker);
        assertEquals(1, mails.size(), "exactly one mail to " + to + " about " + marker);
        return mails.get(0);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
