package dev.secondround.feedback.request;

import dev.secondround.feedback.request.FeedbackRequest.SessionRef;
import dev.secondround.feedback.request.FeedbackRequest.Status;
import dev.secondround.feedback.request.FeedbackRequest.TemplateSnapshot;
import dev.secondround.feedback.template.ScorecardTemplate.Form;
import dev.secondround.feedback.template.TemplateApi;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of /v1/feedback-requests. */
public final class RequestApi {

    private RequestApi() {
    }

    @Schema(name = "FeedbackRequest", description = "One participant's feedback owed for one loop, with the form to fill in")
    public record RequestView(
            UUID id, UUID loopId, UUID applicationId, UUID jobId,
            @Schema(examples = "2") Integer round,
            @Schema(examples = "Thandiwe Nkosi") String candidateName,
            @Schema(examples = "Senior Backend Engineer (Java)") String jobTitle,
            Participant participant,
            @Schema(description = "The sessions they were in, in order") List<SessionRef> sessions,
            @Schema(description = "FULL for interviews, LIGHT for tours and lunches") Form form,
            UUID templateId,
            @Schema(description = "The form as it was when asked") TemplateSnapshot template,
            @Schema(examples = "[1, 2, 3, 4]") List<Integer> scale,
            @Schema(examples = "[\"STRONG_NO\", \"NO\", \"YES\", \"STRONG_YES\"]") List<String> recommendations,
            Instant dueAt,
            @Schema(description = "OPEN (owed), SUBMITTED, or WITHDRAWN (replaced, or the loop was cancelled)") Status status,
            @Schema(description = "Open and past its due time") boolean overdue,
            String withdrawnReason,
            int remindersSent,
            Instant lastRemindedAt,
            @Schema(description = "When the job's hiring manager was told it is overdue") Instant escalatedAt,
            Instant createdAt, Instant updatedAt, long version) {

        public static RequestView of(FeedbackRequest r, Instant now) {
            return new RequestView(r.getId(), r.loopId, r.applicationId, r.jobId, r.round, r.candidateName, r.jobTitle,
                    new Participant(r.interviewerId, r.participantName, r.participantTitle, r.roleKind, r.participantEmail,
                            r.participantSubject != null),
                    List.copyOf(r.sessions), r.form, r.templateId, r.template, TemplateApi.SCALE, TemplateApi.RECOMMENDATIONS,
                    r.dueAt, r.status, r.isOverdue(now), r.withdrawnReason, r.remindersSent, r.lastRemindedAt, r.escalatedAt,
                    r.getCreatedAt(), r.getUpdatedAt(), r.getVersion());
        }
    }

    @Schema(name = "FeedbackParticipant")
    public record Participant(
            @Schema(description = "The scheduling service's interviewer id") UUID interviewerId,
            @Schema(examples = "Ingrid Halvorsen-Okafor") String name,
            @Schema(examples = "Engineering Manager") String title,
            @Schema(examples = "HIRING_MANAGER") String roleKind,
            String email,
            @Schema(description = "False when their directory entry has no login: nobody can fill this in until it has one")
            boolean canSignIn) {
    }
}
