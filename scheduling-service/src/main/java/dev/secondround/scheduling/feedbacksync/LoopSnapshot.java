package dev.secondround.scheduling.feedbacksync;

import dev.secondround.scheduling.directory.InterviewerRole;
import dev.secondround.scheduling.engine.SessionKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A booked (or formerly booked) loop as the feedback service learns of it: the body of
 * {@code PUT /v1/loops/{loopId}} there. Always the loop's current state with its version, so the
 * receiver keeps the highest version it has seen and ignores older or repeated deliveries. The JSON
 * names are the contract with the feedback service.
 */
public record LoopSnapshot(
        UUID loopId,
        long version,
        Status status,
        UUID applicationId,
        UUID candidateId,
        String candidateName,
        UUID jobId,
        String jobTitle,
        Integer round,
        String roundName,
        String timeZone,
        LocalDate day,
        Instant startsAt,
        Instant endsAt,
        List<Session> sessions) {

    /** A booked loop's IN_PROGRESS and COMPLETED follow from its times; the receiver reads them the same way. */
    public enum Status {
        BOOKED, CANCELLED
    }

    /** A session with people in it (breaks are left out); replaced people are no longer listed. */
    public record Session(String sessionKey, String title, SessionKind kind, Instant startsAt, Instant endsAt,
                          List<Participant> participants) {
    }

    /**
     * Someone in a session: name and title as printed on the itinerary; role, email and sign-in subject
     * from the directory now (null if the directory entry is gone), so feedback reaches the right person.
     */
    public record Participant(UUID interviewerId, String fullName, String title, InterviewerRole roleKind, String email,
                              String oidcSubject) {
    }
}
