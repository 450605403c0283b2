package dev.secondround.feedback.policy;

import dev.secondround.feedback.policy.FeedbackPolicy.AntiAnchoring;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /v1/feedback-policy. */
public final class PolicyApi {

    private PolicyApi() {
    }

    @Schema(name = "FeedbackPolicyRequest", description = "Replaces the tenant's feedback policy; send If-Match with its ETag")
    public record PolicyRequest(
            @NotNull @Schema(description = "When a participant may read the others' scorecards for an application: NEVER, "
                    + "AFTER_SUBMITTING their own, or ALWAYS. Hiring managers and recruiters read all (a hiring manager who "
                    + "owes a scorecard for the application reads the others once it is submitted, unless ALWAYS).",
                    examples = "AFTER_SUBMITTING") AntiAnchoring antiAnchoring,
            @Min(1) @Max(336) @Schema(description = "Feedback is due this many hours after the loop ends", examples = "24") int dueHoursAfterLoop,
            @Min(1) @Max(168) @Schema(description = "Overdue requests are reminded at most this often", examples = "24") int reminderEveryHours,
            @Min(1) @Max(720) @Schema(description = "Overdue this many hours: the job's hiring manager is told", examples = "48")
            int escalateAfterHours) {
    }

    @Schema(name = "FeedbackPolicy")
    public record PolicyView(AntiAnchoring antiAnchoring, int dueHoursAfterLoop, int reminderEveryHours, int escalateAfterHours,
                             @Schema(description = "Null while the tenant uses the defaults") Instant updatedAt) {

        public static PolicyView of(FeedbackPolicy policy) {
            return new PolicyView(policy.antiAnchoring, policy.dueHoursAfterLoop, policy.reminderEveryHours,
                    policy.escalateAfterHours, policy.getUpdatedAt());
        }
    }
}
