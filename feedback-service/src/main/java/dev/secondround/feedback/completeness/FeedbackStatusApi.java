package dev.secondround.feedback.completeness;

import dev.secondround.feedback.request.FeedbackRequest.Status;
import dev.secondround.feedback.template.ScorecardTemplate.Form;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the feedback-status views: who owes what, never what anyone wrote. */
public final class FeedbackStatusApi {

    private FeedbackStatusApi() {
    }

    @Schema(name = "FeedbackStatus", description = "Completeness of the feedback for a loop or an application: counts and every "
            + "participant's state, without any scorecard content (coordinators chase missing feedback, they do not read opinions)")
    public record FeedbackStatus(
            UUID applicationId,
            @Schema(description = "The loop, for a loop's status; null for an application's") UUID loopId,
            @Schema(description = "The round asked for (?round=), or null for all") Integer round,
            @Schema(examples = "Dana Okonkwo-Lindqvist") String candidateName,
            UUID jobId,
            @Schema(examples = "Senior Backend Engineer (Java)") String jobTitle,
            @Schema(description = "The loops counted, in order") List<LoopSummary> loops,
            Counts counts,
            @Schema(description = "One entry per feedback request, by loop and then in the order the participants met the candidate")
            List<ParticipantStatus> participants,
            @Schema(description = "When this was computed: overdue is as of this instant") Instant asOf) {
    }

    @Schema(name = "FeedbackStatusCounts")
    public record Counts(
            @Schema(description = "Requests in force: submitted + outstanding (withdrawn ones are not counted)", examples = "6") int asked,
            @Schema(examples = "4") int submitted,
            @Schema(description = "Still open", examples = "2") int outstanding,
            @Schema(description = "Open and past the due time (part of outstanding)", examples = "1") int overdue,
            @Schema(description = "Replaced, or the loop was cancelled", examples = "0") int withdrawn) {
    }

    @Schema(name = "FeedbackStatusLoop")
    public record LoopSummary(UUID loopId, @Schema(examples = "2") Integer round, @Schema(examples = "Second round: onsite loop") String roundName,
                              @Schema(examples = "BOOKED") String status, LocalDate day, @Schema(examples = "Europe/Berlin") String timeZone) {
    }

    @Schema(name = "ParticipantFeedbackStatus")
    public record ParticipantStatus(
            UUID requestId, UUID loopId, @Schema(examples = "2") Integer round,
            @Schema(description = "The scheduling service's interviewer id") UUID interviewerId,
            @Schema(examples = "Aiko Tanaka-Brandt") String name,
            @Schema(examples = "Senior Engineer") String title,
            @Schema(examples = "PEER") String roleKind,
            @Schema(description = "Null: no email address in the directory, so reminders cannot be mailed (they are recorded as not sent)")
            String email,
            @Schema(description = "FULL for interviews, LIGHT for tours and lunches") Form form,
            Status status,
            Instant dueAt,
            @Schema(description = "Open and past its due time") boolean overdue,
            @Schema(description = "How long past due (ISO-8601 duration, whole minutes); null unless overdue", examples = "PT44H10M")
            String overdueFor,
            @Schema(description = "Whole hours past due; null unless overdue", examples = "44") Long overdueHours,
            @Schema(description = "Reminders mailed") int remindersSent,
            @Schema(description = "Last reminder round (also when it could not be mailed)") Instant lastRemindedAt,
            @Schema(description = "When the overdue request was escalated to the job's hiring manager") Instant escalatedAt,
            @Schema(description = "Who the escalation was mailed to; null if it was not mailed") String escalatedTo,
            @Schema(description = "Why an escalation was recorded but not mailed, e.g. the overdue participant is the hiring manager")
            String escalationNotMailedReason,
            @Schema(description = "When the scorecard was first submitted") Instant submittedAt,
            String withdrawnReason) {
    }
}
