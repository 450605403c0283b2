package dev.secondround.feedback.scorecard;

import dev.secondround.feedback.scorecard.Scorecard.Answer;
import dev.secondround.feedback.scorecard.Scorecard.Recommendation;
import dev.secondround.feedback.scorecard.Scorecard.Status;
import dev.secondround.feedback.template.ScorecardTemplate.Form;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of scorecards. */
public final class ScorecardApi {

    private ScorecardApi() {
    }

    @Schema(name = "ScorecardRequest", description = "Your scorecard for one feedback request. A draft may be partial; submitting "
            + "needs every attribute rated and a recommendation. Changing a submitted scorecard needs a changeReason and keeps the "
            + "previous version in its history.")
    public record ScorecardRequest(
            @Size(max = 12) @Schema(description = "Attribute key → rating, 1 (poor) to 4 (excellent)",
                    examples = "{\"communication\": 3, \"professional_demeanour\": 4}")
            Map<@NotBlank String, @NotNull @Min(1) @Max(4) Integer> ratings,
            @Schema(examples = "YES") Recommendation recommendation,
            @Size(max = 10) List<@NotNull @Valid AnswerRequest> answers,
            @Size(max = 10000) @Schema(examples = "Explained the event-sourcing migration clearly; vague on on-call load.") String notes,
            @Size(max = 1000) @Schema(description = "Required when changing a submitted scorecard",
                    examples = "Re-read my notes: communication was better than I first rated") String changeReason) {
    }

    @Schema(name = "ScorecardAnswer")
    public record AnswerRequest(@NotBlank @Size(max = 500) @Schema(description = "One of the form's key questions",
                                        examples = "How did the candidate approach the system design exercise?") String question,
                                @Size(max = 5000) @Schema(examples = "Started from the failure modes; sketched the outbox before the API.")
                                String answer) {
    }

    @Schema(name = "Scorecard")
    public record ScorecardView(
            UUID id, UUID requestId, UUID applicationId, UUID jobId, Integer round,
            @Schema(examples = "Ingrid Halvorsen-Okafor") String authorName,
            @Schema(examples = "Engineering Manager") String authorTitle,
            @Schema(examples = "HIRING_MANAGER") String roleKind,
            Form form,
            @Schema(description = "DRAFT (only its author sees it) or SUBMITTED") Status status,
            Map<String, Integer> ratings,
            Recommendation recommendation,
            List<Answer> answers,
            String notes,
            Instant submittedAt,
            @Schema(description = "0 while a draft; 1 when first submitted; +1 per later change") int revision,
            Instant createdAt, Instant updatedAt, long version) {

        public static ScorecardView of(Scorecard s) {
            return new ScorecardView(s.getId(), s.requestId, s.applicationId, s.jobId, s.round, s.authorName, s.authorTitle,
                    s.roleKind, s.form, s.status, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(s.ratings)), s.recommendation, List.copyOf(s.answers), s.notes,
                    s.submittedAt, s.revision, s.getCreatedAt(), s.getUpdatedAt(), s.getVersion());
        }
    }

    @Schema(name = "ScorecardRevision", description = "A scorecard as it was at one submission or change")
    public record RevisionView(int revision, Map<String, Integer> ratings, Recommendation recommendation, List<Answer> answers,
                               String notes, String changeReason, String submittedBy, Instant submittedAt) {

        public static RevisionView of(ScorecardRevision r) {
            return new RevisionView(r.revision, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(r.ratings)), r.recommendation, List.copyOf(r.answers), r.notes,
                    r.changeReason, r.submittedBy, r.getCreatedAt());
        }
    }
}
