package dev.secondround.feedback.reminder;

import dev.secondround.feedback.loop.FeedbackLoop;
import dev.secondround.feedback.request.FeedbackRequest;
import dev.secondround.feedback.request.FeedbackRequest.SessionRef;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The texts of reminder and escalation mails: who the candidate is, for which job and round, when the
 * participant met them, when the feedback was due (in the loop's time zone), and where to give it.
 * Plain functions of their inputs, so they are tested without a container.
 */
public final class ReminderMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private ReminderMails() {
    }

    /** To the participant: their feedback is overdue; {@code reminderNumber} counts from 1. */
    public static FeedbackMail.Message reminder(FeedbackRequest request, FeedbackLoop loop, int reminderNumber,
                                                int reminderEveryHours, Instant now) {
        return reminder(request, loop, reminderNumber, reminderEveryHours, now, "");
    }

    /** As above; {@code baseUrl} (feedback.public-url) makes the addresses in the mail absolute, so they can be opened. */
    public static FeedbackMail.Message reminder(FeedbackRequest request, FeedbackLoop loop, int reminderNumber,
                                                int reminderEveryHours, Instant now, String baseUrl) {
        String base = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        ZoneId zone = zoneOf(loop);
        String candidate = candidate(request);
        StringBuilder text = new StringBuilder()
                .append("Hello ").append(request.participantName).append(",\n\n")
                .append("your feedback on ").append(candidate).append(context(request))
                .append(" was due ").append(at(request.dueAt, zone)).append(" and has not been submitted yet (overdue by ")
                .append(duration(Duration.between(request.dueAt, now))).append(").\n\n");
        if (!request.sessions.isEmpty()) {
            text.append("You met ").append(candidate).append(" on ").append(met(request.sessions, zone)).append(".\n\n");
        }
        text.append("Please fill in your scorecard (").append(request.form == null ? "" : request.form.name().toLowerCase(Locale.ROOT))
                .append(" form): ").append(base).append("/v1/feedback-requests/").append(request.getId()).append('\n')
                .append("Save a draft with PUT ").append(base).append("/v1/feedback-requests/").append(request.getId())
                .append("/scorecard, then submit it with POST ").append(base)
                .append("/v1/feedback-requests/").append(request.getId()).append("/scorecard/submission.\n\n")
                .append("This is reminder ").append(reminderNumber).append("; another follows every ").append(reminderEveryHours)
                .append(" hours until your scorecard is in.\n");
        return new FeedbackMail.Message(request.participantEmail,
                "Reminder: your feedback on " + candidate + " is overdue", text.toString());
    }

    /**
     * To the job's hiring manager: these requests of one loop are overdue past the escalation threshold.
     * One mail per loop and run, however many people it names.
     */
    public static FeedbackMail.Message escalation(String hiringManagerName, String hiringManagerEmail, List<FeedbackRequest> overdue,
                                                  FeedbackLoop loop, Instant now) {
        ZoneId zone = zoneOf(loop);
        FeedbackRequest first = overdue.get(0);
        String candidate = candidate(first);
        List<FeedbackRequest> people = new ArrayList<>(overdue);
        people.sort(Comparator.comparing(r -> r.participantName));
        StringBuilder text = new StringBuilder()
                .append("Hello ").append(hiringManagerName).append(",\n\n")
                .append(people.size() == 1 ? "one person" : people.size() + " people").append(" who met ").append(candidate)
                .append(context(first));
        if (loop != null && loop.day != null) {
            text.append(" on ").append(DAY.format(loop.day));
        }
        text.append(people.size() == 1 ? " has" : " have").append(" not submitted their feedback, due ").append(at(first.dueAt, zone))
                .append(":\n\n");
        for (FeedbackRequest r : people) {
            text.append("- ").append(r.participantName);
            if (r.participantTitle != null) {
                text.append(", ").append(r.participantTitle);
            }
            if (!r.sessions.isEmpty()) {
                text.append(" (").append(r.sessions.stream().sorted(Comparator.comparing(SessionRef::startsAt)).map(SessionRef::title)
                        .collect(Collectors.joining(", "))).append(')');
            }
            text.append(": overdue by ").append(duration(Duration.between(r.dueAt, now)));
            if (r.participantEmail == null) {
                text.append("; no email address in the directory, so not reminded");
            } else {
                text.append("; reminded ").append(r.remindersSent).append(r.remindersSent == 1 ? " time" : " times");
            }
            text.append('\n');
        }
        text.append("\nWho has and has not given feedback on this loop: /v1/loops/").append(first.loopId).append("/feedback-status\n")
                .append("You are told once per person; they keep getting reminders until their scorecard is in.\n");
        return new FeedbackMail.Message(hiringManagerEmail,
                "Feedback overdue on " + candidate + context(first) + ": " + (people.size() == 1 ? people.get(0).participantName
                        : people.size() + " people"), text.toString());
    }

    /** "2 days 4 hours", "5 hours", "40 minutes". */
    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(days + (days == 1 ? " day" : " days"));
        }
        if (hours > 0) {
            parts.add(hours + (hours == 1 ? " hour" : " hours"));
        }
        if (parts.isEmpty()) {
            parts.add(minutes + (minutes == 1 ? " minute" : " minutes"));
        }
        return String.join(" ", parts);
    }

    private static String candidate(FeedbackRequest request) {
        return request.candidateName == null ? "the candidate" : request.candidateName;
    }

    /** " (Senior Backend Engineer, round 2)", or less when unknown. */
    private static String context(FeedbackRequest request) {
        List<String> parts = new ArrayList<>();
        if (request.jobTitle != null) {
            parts.add(request.jobTitle);
        }
        if (request.round != null) {
            parts.add("round " + request.round);
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** "Mon 13 Jul 2026: Peer panel 10:45–11:30, Lunch with the team 13:00–14:00 (Europe/Berlin)". */
    private static String met(List<SessionRef> sessions, ZoneId zone) {
        List<SessionRef> ordered = sessions.stream().sorted(Comparator.comparing(SessionRef::startsAt)).toList();
        String day = DAY.format(ordered.get(0).startsAt().atZone(zone));
        String times = ordered.stream()
                .map(s -> s.title() + " " + TIME.format(s.startsAt().atZone(zone)) + "–" + TIME.format(s.endsAt().atZone(zone)))
                .collect(Collectors.joining(", "));
        return day + ": " + times + " (" + zone.getId() + ")";
    }

    private static String at(Instant instant, ZoneId zone) {
        return DAY_TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static ZoneId zoneOf(FeedbackLoop loop) {
        if (loop == null || loop.timeZone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(loop.timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
