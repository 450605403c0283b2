package dev.secondround.feedback.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.feedback.loop.FeedbackLoop;
import dev.secondround.feedback.request.FeedbackRequest;
import dev.secondround.feedback.request.FeedbackRequest.SessionRef;
import dev.secondround.feedback.template.ScorecardTemplate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mail texts, without a container. */
class ReminderMailsTest {

    private static final Instant DUE = Instant.parse("2026-07-14T15:00:00Z");

    @Test
    void aReminderSaysWhoWhenAndWhereInTheLoopsTimeZone() {
        FeedbackRequest request = request("Aiko Tanaka-Brandt", "aiko@helix.example");
        FeedbackMail.Message mail = ReminderMails.reminder(request, loop(), 2, 24, DUE.plus(Duration.ofHours(26)));
        assertEquals("aiko@helix.example", mail.to());
        assertEquals("Reminder: your feedback on Dana Okonkwo-Lindqvist is overdue", mail.subject());
        String text = mail.text();
        assertTrue(text.startsWith("Hello Aiko Tanaka-Brandt,"), text);
        assertTrue(text.contains("Dana Okonkwo-Lindqvist (Senior Backend Engineer (Java), round 2) was due Tue 14 Jul 2026, 17:00 (Europe/Berlin)"), text);
        assertTrue(text.contains("overdue by 1 day 2 hours"), text);
        assertTrue(text.contains("You met Dana Okonkwo-Lindqvist on Mon 13 Jul 2026: Peer panel 10:45–11:30, Lunch 13:00–14:00 (Europe/Berlin)."), text);
        assertTrue(text.contains("/v1/feedback-requests/" + request.getId()), text);
        assertTrue(text.contains("This is reminder 2; another follows every 24 hours"), text);
    }

    @Test
    void anEscalationNamesEveryoneOverdueAndWhoCouldNotBeReminded() {
        FeedbackRequest aiko = request("Aiko Tanaka-Brandt", "aiko@helix.example");
        aiko.remindersSent = 3;
        FeedbackRequest guide = request("Bea Guide", null);
        FeedbackMail.Message mail = ReminderMails.escalation("Siobhán Ní Bhriain", "siobhan@helix.example", List.of(aiko, guide), loop(),
                DUE.plus(Duration.ofHours(50)));
        assertEquals("siobhan@helix.example", mail.to());
        assertEquals("Feedback overdue on Dana Okonkwo-Lindqvist (Senior Backend Engineer (Java), round 2): 2 people", mail.subject());
        assertTrue(mail.text().contains("2 people who met Dana Okonkwo-Lindqvist (Senior Backend Engineer (Java), round 2) on Mon 13 Jul 2026 "
                + "have not submitted their feedback"), mail.text());
        assertTrue(mail.text().contains("- Aiko Tanaka-Brandt, Senior Engineer (Peer panel, Lunch): overdue by 2 days 2 hours; reminded 3 times"),
                mail.text());
        assertTrue(mail.text().contains("- Bea Guide, Senior Engineer (Peer panel, Lunch): overdue by 2 days 2 hours; no email address"), mail.text());
    }

    @Test
    void durationsReadLikeAPersonWouldSayThem() {
        assertEquals("40 minutes", ReminderMails.duration(Duration.ofMinutes(40)));
        assertEquals("1 hour", ReminderMails.duration(Duration.ofMinutes(61)));
        assertEquals("1 day", ReminderMails.duration(Duration.ofHours(24)));
        assertEquals("3 days 5 hours", ReminderMails.duration(Duration.ofHours(77)));
    }

    private static FeedbackRequest request(String name, String email) {
        FeedbackRequest r = new FeedbackRequest();
        r.candidateName = "Dana Okonkwo-Lindqvist";
        r.jobTitle = "Senior Backend Engineer (Java)";
        r.round = 2;
        r.participantName = name;
        r.participantTitle = "Senior Engineer";
        r.participantEmail = email;
        r.form = ScorecardTemplate.Form.FULL;
        r.dueAt = DUE;
        r.sessions = List.of(new SessionRef("Lunch", "LUNCH", Instant.parse("2026-07-13T11:00:00Z"), Instant.parse("2026-07-13T12:00:00Z")),
                new SessionRef("Peer panel", "PANEL", Instant.parse("2026-07-13T08:45:00Z"), Instant.parse("2026-07-13T09:30:00Z")));
        return r;
    }

    private static FeedbackLoop loop() {
        FeedbackLoop loop = new FeedbackLoop();
        loop.timeZone = "Europe/Berlin";
        loop.day = LocalDate.parse("2026-07-13");
        return loop;
    }
}
