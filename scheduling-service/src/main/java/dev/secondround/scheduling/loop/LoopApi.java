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

    @Schema(name = "BookLoopRequest", description = "Book one option returned by POST /v1/loop-plans for the same plan")
    public record BookLoopRequest(
            @NotNull @Schema(examples = "568e14e0-7055-4340-b146-646af0bb51ce") UUID applicationId,
            @NotBlank @Size(max = 200) @Schema(examples = "Second round: Dana Okonkwo-Lindqvist, Senior Backend Engineer") String title,
            @NotNull @Valid LoopPlanRequest plan,
            @NotNull @Valid ChosenOption option) {
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
            @Schema(examples = "Second round: Dana Okonkwo-Lindqvist, Senior Backend Engineer") String title,
            @Schema(examples = "Europe/Berlin") String timeZone,
            @Schema(examples = "2026-12-01") LocalDate day,
            @Schema(examples = "BOOKED") Loop.LoopStatus status,
            String cancelledReason,
            List<SessionView> sessions,
            Instant createdAt,
            Instant updatedAt,
            long version) {
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
