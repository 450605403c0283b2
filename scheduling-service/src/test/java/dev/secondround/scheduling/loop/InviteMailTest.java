package dev.secondround.scheduling.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.testing.Applications;
import dev.secondround.scheduling.testsupport.Directory;
import dev.secondround.testing.TestTokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;

/** Booking and cancelling mail the candidate and the interviewers their invites, after the change committed. */
@QuarkusTest
class InviteMailTest {

    private static final String A = TestTokens.TENANT_A;

    @Inject
    MockMailbox mailbox;

    @Test
    void bookingMailsTheCandidateAndTheInterviewerTheirInvitesAndCancellingMailsTheCancellations() throws Exception {
        Map<String, Object> person = new HashMap<>(Directory.interviewerBody(null, A));
        person.put("fullName", "Ingrid Solberg-Haugen");
        String interviewer = Directory.created(Directory.coordinator(A).body(person).post("/v1/interviewers"));
        String interviewerEmail = (String) person.get("email");
        Map<String, Object> booking = Directory.loopBooking(A, interviewer);
        @SuppressWarnings("unchecked")
        String applicationId = (String) ((Map<String, Object>) booking.get("plan")).get("applicationId");
        String candidateEmail = Applications.emailOfCandidate(A, applicationId);
        String loopId = Directory.created(Directory.coordinator(A).body(booking).post("/v1/loops"));

        Mail toCandidate = awaitMail(candidateEmail, 1).get(0);
        assertTrue(toCandidate.getSubject().startsWith("Your interviews on "), toCandidate.getSubject());
        assertTrue(toCandidate.getText().contains("Ingrid Solberg-Haugen"), "the itinerary names who they meet");
        Calendar candidateInvite = invite(toCandidate);
        assertEquals("REQUEST", candidateInvite.getProperty(Property.METHOD).orElseThrow().getValue());
        Mail toInterviewer = awaitMail(interviewerEmail, 1).get(0);
        assertEquals("REQUEST", invite(toInterviewer).getProperty(Property.METHOD).orElseThrow().getValue());

        String etag = Directory.coordinator(A).get("/v1/loops/" + loopId).then().extract().header("ETag");
        Directory.coordinator(A).header("If-Match", etag).body(Map.of("reason", "Candidate withdrew"))
                .post("/v1/loops/" + loopId + "/cancel").then().statusCode(200);
        Mail cancelToCandidate = awaitMail(candidateEmail, 2).get(1);
        assertTrue(cancelToCandidate.getSubject().startsWith("Cancelled: "), cancelToCandidate.getSubject());
        assertEquals("CANCEL", invite(cancelToCandidate).getProperty(Property.METHOD).orElseThrow().getValue());
        assertEquals("CANCEL", invite(awaitMail(interviewerEmail, 2).get(1)).getProperty(Property.METHOD).orElseThrow().getValue());
        // Exactly once each: the relay does not send a delivered message again.
        Thread.sleep(2500);
        assertEquals(2, mailbox.getMailsSentTo(candidateEmail).size());
        assertEquals(2, mailbox.getMailsSentTo(interviewerEmail).size());
    }

    @Test
    void aDraftSendsNothing() throws Exception {
        String interviewer = Directory.created(Directory.coordinator(A).body(Directory.interviewerBody(null, A)).post("/v1/interviewers"));
        Map<String, Object> booking = Directory.loopBooking(A, interviewer);
        @SuppressWarnings("unchecked")
        String applicationId = (String) ((Map<String, Object>) booking.get("plan")).get("applicationId");
        Directory.coordinator(A).body(Map.of("plan", booking.get("plan"))).post("/v1/loops").then().statusCode(201);
        Thread.sleep(2500);
        assertEquals(0, mailbox.getMailsSentTo(Applications.emailOfCandidate(A, applicationId)).size());
    }

    private List<Mail> awaitMail(String to, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<Mail> mails = mailbox.getMailsSentTo(to);
            if (mails != null && mails.size() >= count) {
                return mails;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + count + " mail(s) to " + to + " within 20 s; got " + mailbox.getMailsSentTo(to));
    }

    private static Calendar invite(Mail mail) throws Exception {
        var attachment = mail.getAttachments().stream().filter(a -> a.getName().equals("invite.ics")).findFirst().orElseThrow();
        assertTrue(attachment.getContentType().startsWith("text/calendar"), attachment.getContentType());
        List<Byte> bytes = io.smallrye.mutiny.Multi.createFrom().publisher(attachment.getData()).collect().asList().await()
                .atMost(Duration.ofSeconds(5));
        byte[] raw = new byte[bytes.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = bytes.get(i);
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(new String(raw, StandardCharsets.UTF_8)));
        assertTrue(!calendar.validate().hasErrors(), calendar.validate().toString());
        return calendar;
    }
}
