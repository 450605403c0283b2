package dev.secondround.candidate.debrief;

import dev.secondround.candidate.debrief.Debrief.DebriefVisibility;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /v1/applications/{id}/debriefs. */
public final class DebriefApi {

    private DebriefApi() {
    }

    @Schema(name = "DebriefRequest", description = "At least one of wentWell, struggledWith, emphasiseNextRound")
    public record DebriefRequest(
            @NotNull @Min(1) @Max(6) @Schema(examples = "1") Integer round,
            @Size(max = 5000) @Schema(examples = "Clear walkthrough of the payments migration; good rapport with the hiring manager") String wentWell,
            @Size(max = 5000) @Schema(examples = "Hesitated on consistency trade-offs in the system-design question") String struggledWith,
            @Size(max = 5000) @Schema(examples = "Lead with the on-call ownership story; prepare a concrete CAP example") String emphasiseNextRound,
            @NotNull @Schema(examples = "SHARED_WITH_HIRING_MANAGER") DebriefVisibility visibility) {

        boolean saysSomething() {
            return notBlank(wentWell) || notBlank(struggledWith) || notBlank(emphasiseNextRound);
        }

        private static boolean notBlank(String text) {
            return text != null && !text.isBlank();
        }
    }

    @Schema(name = "Debrief")
    public record DebriefView(
            UUID id,
            UUID applicationId,
            int round,
            String wentWell,
            String struggledWith,
            String emphasiseNextRound,
            DebriefVisibility visibility,
            @Schema(examples = "Priya Raghunathan") String authorName,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        static DebriefView of(Debrief d) {
            return new DebriefView(d.getId(), d.applicationId, d.round, d.wentWell, d.struggledWith, d.emphasiseNextRound,
                    d.visibility, d.authorName, d.getCreatedAt(), d.getUpdatedAt(), d.getVersion());
        }
    }
}
