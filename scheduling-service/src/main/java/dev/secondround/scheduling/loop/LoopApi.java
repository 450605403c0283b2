package dev.secondround.scheduling.loop;

import dev.secondround.scheduling.engine.SessionKind;
import dev.secondround.scheduling.planning.LoopPlanApi.LoopPlanRequest;
import dev.secondround.scheduling.planning.LoopPlanApi.LoopPlanView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /v1/loops. */
public final class LoopApi {

    private LoopApi() {
    }

    @Schema(name = "CreateLoopRequest", description = """
            A loop for the plan's application and round. With `option` (one returned by POST /v1/loop-plans
            for this plan) it is booked at once; with `proposedOptions` it is PROPOSED: those options are
            offered to the candidate and nothing is held yet; with neither it is saved as a DRAFT.""")
    public record CreateLoopRequest(
            @Size(max = 200) @Schema(description = "Default: \"Round N: <candidate>, <job>\"",
                    examples = "Second round: Dana Okonkwo-Lindqvist, Senior Backend Engineer") String title,
            @NotNull @Valid LoopPlanRequest plan,
            @Valid ChosenOption option,
            @Size(min = 1, max = 5) List<@Valid @NotNull ChosenOption> proposedOptions) {
    }

    @Schema(name = "BookDraftRequest", description = "The option to book for a DRAFT or PROPOSED loop (any currently possible option of its plan)")
    public record BookingRequest(@NotNull @Valid ChosenOption option) {
    }

    @Schema(name = "ChosenOption")
    public record ChosenOption(
            @NotNull @Schema(examples = "2026-12-01") LocalDate day,
            @NotNull @Size(min = 1, max = 8) List<@Valid @NotNull ChosenSession> sessions) {
    }

    @Schema(name = "ChosenSession")
    public record ChosenSession(
            @NotBlank @Schema(examples = "hiring-manager") String sessionId,
            @NotNull @Schema(examples = "2026-12-01T08:00:00Z") Instant start,
            @NotNull @Size(max = 10) List<@NotNull UUID> interviewerIds,
            @Schema(description = "For in-person sessions") UUID roomId) {
    }

    @Schema(name = "CancelLoopRequest")
    public record CancelLoopRequest(@NotBlank @Size(max = 500) @Schema(examples = "Candidate accepted another offer") String reason) {
    }

    @Schema(name = "Loop")
    public record LoopView(
            UUID id,
            UUID applicationId,
            @Schema(examples = "2") Integer round,
            @Schema(examples = "Second round: onsite loop") String roundName,
            CandidateView candidate,
            JobView job,
            @Schema(examples = "Second round: Dana Okonkwo-Lindqvist, Senior Backend Engineer") String title,
            @Schema(examples = "Europe/Berlin") String timeZone,
            @Schema(description = "Set once booked", examples = "2026-12-01") LocalDate day,
            @Schema(description = "IN_PROGRESS from the first session's start, COMPLETED after the last one's end", examples = "BOOKED")
            Loop.LoopStatus status,
            @Schema(description = "Set once booked") Instant startsAt,
            @Schema(description = "Set once booked") Instant endsAt,
            String cancelledReason,
            List<SessionView> sessions,
            @Schema(description = "The options offered to the candidate (PROPOSED loops)") List<ChosenOption> proposedOptions,
            Instant createdAt,
            Instant updatedAt,
            long version) {
    }

    @Schema(name = "LoopCandidate", description = "As the candidate service had it when the loop was created")
    public record CandidateView(UUID id, @Schema(examples = "Dana Okonkwo-Lindqvist") String name,
                                @Schema(examples = "dana.okonkwo@example.org") String email) {
    }

    @Schema(name = "LoopJob")
    public record JobView(UUID id, @Schema(examples = "Senior Backend Engineer (Java)") String title) {
    }

    @Schema(name = "BookedSession")
    public record SessionView(
            @Schema(examples = "hiring-manager") String sessionId,
            String title,
            SessionKind kind,
            Instant start,
            Instant end,
            @Schema(examples = "ROOM") String venue,
            UUID roomId,
            List<LoopSession.Participant> participants) {
    }

    /** 409 body: RFC 9457 problem with the fresh options as an extension member. */
    @Schema(name = "BookingConflict")
    public record BookingConflict(String type, String title, int status, String detail, String instance,
                                  @Schema(description = "Options as they are now") LoopPlanView freshOptions) {
    }
}
