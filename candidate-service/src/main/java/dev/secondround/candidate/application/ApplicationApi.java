package dev.secondround.candidate.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /v1/applications. */
public final class ApplicationApi {

    private ApplicationApi() {
    }

    @Schema(name = "ApplicationRequest", description = "Puts a candidate forward for an open job; starts at APPLIED")
    public record ApplicationRequest(
            @NotNull @Schema(examples = "5d7e9f10-2a3b-4c5d-8e9f-0a1b2c3d4e5f") UUID candidateId,
            @NotNull @Schema(examples = "0c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f") UUID jobId) {
    }

    @Schema(name = "StageChangeRequest", description = "Moves the application; send If-Match with the application's ETag")
    public record StageChangeRequest(
            @NotNull @Schema(examples = "ROUND") ApplicationStage to,
            @Schema(description = "Required with ROUND: the round number in the job's plan", examples = "2") Integer round,
            @Size(max = 2000) @Schema(examples = "Strong first round; hiring manager wants the onsite loop") String reason) {
    }

    @Schema(name = "Application")
    public record ApplicationView(
            UUID id,
            CandidateSummary candidate,
            JobSummary job,
            @Schema(examples = "ROUND") ApplicationStage stage,
            @Schema(description = "Round reached (set from ROUND on)", examples = "2") Integer currentRound,
            @Schema(description = "Name of that round in the job's plan", examples = "Second round: onsite loop") String currentRoundName,
            Instant createdAt,
            Instant updatedAt,
            long version) {
    }

    @Schema(name = "ApplicationCandidate")
    public record CandidateSummary(UUID id,
                                   @Schema(examples = "Dana") String firstName,
                                   @Schema(examples = "Okonkwo-Lindqvist") String lastName) {
    }

    @Schema(name = "ApplicationJob")
    public record JobSummary(UUID id,
                             @Schema(examples = "Senior Backend Engineer (Java)") String title,
                             UUID clientId,
                             @Schema(examples = "3") int roundsInPlan) {
    }

    @Schema(name = "StageChange")
    public record StageChangeView(
            UUID id,
            ApplicationStage fromStage,
            Integer fromRound,
            @Schema(examples = "ROUND") ApplicationStage toStage,
            @Schema(examples = "2") Integer toRound,
            String reason,
            @Schema(description = "OIDC subject of who moved it") String changedBy,
            @Schema(examples = "Priya Raghunathan") String changedByName,
            @Schema(examples = "2026-11-20T14:03:00Z") Instant changedAt) {

        static StageChangeView of(StageChange change) {
            return new StageChangeView(change.getId(), change.fromStage, change.fromRound, change.toStage, change.toRound,
                    change.reason, change.changedBySubject, change.changedByName, change.getCreatedAt());
        }
    }
}
