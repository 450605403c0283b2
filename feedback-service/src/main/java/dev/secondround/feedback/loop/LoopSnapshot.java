package dev.secondround.feedback.loop;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A loop as the scheduling service has it now, sent by its outbox after every booking, replacement,
 * session move and cancellation. Each message carries the whole current state and the loop's
 * version, so a repeated or late delivery changes nothing. Unknown fields are ignored so scheduling
 * can add some without breaking this endpoint (tolerant reader, unlike the public API).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "LoopSnapshot", description = "A booked or cancelled loop with everyone in its sessions (sent by the scheduling service)")
public record LoopSnapshot(
        @NotNull UUID loopId,
        @Min(0) long version,
        @NotNull @Pattern(regexp = "BOOKED|CANCELLED") @Schema(examples = "BOOKED") String status,
        @NotNull UUID applicationId,
        UUID candidateId,
        @Size(max = 300) String candidateName,
        UUID jobId,
        @Size(max = 300) String jobTitle,
        Integer round,
        @Size(max = 300) String roundName,
        @NotBlank @Size(max = 64) @Schema(examples = "Europe/Berlin") String timeZone,
        LocalDate day,
        Instant startsAt,
        Instant endsAt,
        @NotNull @Size(max = 30) List<@NotNull @Valid Session> sessions) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "LoopSnapshotSession")
    public record Session(@NotBlank @Size(max = 100) @Schema(examples = "hiring-manager") String sessionKey,
                          @NotBlank @Size(max = 300) @Schema(examples = "Hiring manager interview") String title,
                          @NotNull @Pattern(regexp = "INTERVIEW|PANEL|TECHNICAL|EXECUTIVE|TOUR|LUNCH|BREAK") @Schema(examples = "INTERVIEW") String kind,
                          @NotNull Instant startsAt, @NotNull Instant endsAt,
                          @NotNull @Size(max = 30) List<@NotNull @Valid Participant> participants) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "LoopSnapshotParticipant")
    public record Participant(@NotNull UUID interviewerId,
                              @NotBlank @Size(max = 300) @Schema(examples = "Ingrid Solberg-Haugen") String fullName,
                              @Size(max = 300) @Schema(examples = "Engineering Manager") String title,
                              @Size(max = 40) @Schema(examples = "HIRING_MANAGER") String roleKind,
                              @Size(max = 320) @Schema(examples = "ingrid.solberg-haugen@helix-robotics.example") String email,
                              @Size(max = 200) @Schema(examples = "7c1f2d3e-0a4b-4c5d-8e6f-1a2b3c4d5e6f") String oidcSubject) {
    }

    /** Interview-like sessions get the full scorecard; tours and lunches the light one. */
    public static boolean isInterview(String kind) {
        return switch (kind) {
            case "INTERVIEW", "PANEL", "TECHNICAL", "EXECUTIVE" -> true;
            default -> false;
        };
    }
}
