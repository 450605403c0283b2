package dev.secondround.candidate.followup;

import dev.secondround.candidate.followup.FollowUp.FollowUpKind;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /v1/applications/{id}/follow-ups. */
public final class FollowUpApi {

    private FollowUpApi() {
    }

    @Schema(name = "FollowUpRequest")
    public record FollowUpRequest(
            @NotNull @Min(1) @Max(6) @Schema(examples = "2") Integer round,
            @NotBlank @Size(max = 200) @Schema(examples = "Joaquín Fernández-Ibarra") String interviewerName,
            @Email @Size(max = 320) @Schema(examples = "joaquin.fernandez@helix-robotics.example") String interviewerEmail,
            @NotNull @Schema(examples = "THANK_YOU_NOTE") FollowUpKind kind,
            @NotNull @Schema(description = "The day it was sent, in the sender's calendar; not in the future", examples = "2026-11-20") LocalDate sentOn,
            @Size(max = 2000) @Schema(examples = "Thanked him for the architecture whiteboard session") String note) {
    }

    @Schema(name = "FollowUp")
    public record FollowUpView(
            UUID id,
            UUID applicationId,
            int round,
            String interviewerName,
            String interviewerEmail,
            FollowUpKind kind,
            LocalDate sentOn,
            String note,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        static FollowUpView of(FollowUp f) {
            return new FollowUpView(f.getId(), f.applicationId, f.round, f.interviewerName, f.interviewerEmail, f.kind,
                    f.sentOn, f.note, f.getCreatedAt(), f.getUpdatedAt(), f.getVersion());
        }
    }
}
