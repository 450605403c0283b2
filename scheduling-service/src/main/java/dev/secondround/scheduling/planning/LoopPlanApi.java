package dev.secondround.scheduling.planning;

import dev.secondround.scheduling.engine.RoomNeed;
import dev.secondround.scheduling.engine.SessionKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /v1/loop-plans: ask for options, nothing is booked. */
public final class LoopPlanApi {

    private LoopPlanApi() {
    }

    @Schema(name = "LoopPlanRequest", description = "A second-round loop to plan: sessions, who, rules, when the candidate can come")
    public record LoopPlanRequest(
            @NotNull @Schema(description = "The application in the candidate service; it must be in an interview round",
                    examples = "568e14e0-7055-4340-b146-646af0bb51ce") UUID applicationId,
            @Min(1) @Max(20) @Schema(description = "The round this loop is for; default: the application's current round. "
                    + "Must be the application's current round.", examples = "2") Integer round,
            @NotBlank @Size(max = 64) @Schema(description = "IANA zone of the loop (where the candidate is)", examples = "Europe/Berlin") String timeZone,
            @NotNull @Schema(examples = "2026-11-30") LocalDate firstDay,
            @NotNull @Schema(examples = "2026-12-11") LocalDate lastDay,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Window> candidateAvailability,
            @NotNull @Size(min = 1, max = 8, message = "must have 1 to 8 sessions") List<@Valid @NotNull Session> sessions,
            @Size(max = 20) List<@Valid @NotNull Rule> orderRules,
            @Min(1) @Max(10) @Schema(description = "How many ranked options (default 5)", examples = "5") Integer options,
            @Schema(description = "Start-time grid in minutes: 5, 10, 15, 20, 30 or 60 (default 5)", examples = "15") Integer granularityMinutes) {
    }

    @Schema(name = "AvailabilityWindow")
    public record Window(
            @NotNull @Schema(examples = "2026-11-30T08:00:00Z") Instant start,
            @NotNull @Schema(examples = "2026-11-30T16:00:00Z") Instant end) {
    }

    @Schema(name = "LoopSession")
    public record Session(
            @NotBlank @Size(max = 40) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$", message = "must be lower-case letters, digits and dashes")
            @Schema(examples = "hiring-manager") String id,
            @Size(max = 120) @Schema(examples = "Conversation with the hiring manager") String title,
            @NotNull @Schema(examples = "INTERVIEW") SessionKind kind,
            @NotNull @Min(5) @Max(240) @Schema(examples = "45") Integer durationMinutes,
            @Size(max = 10) @Schema(description = "Named interviewers") List<@NotNull UUID> interviewerIds,
            @Size(max = 5) @Schema(description = "N interviewers from a pool") List<@Valid @NotNull FromPool> fromPools,
            @Schema(description = "Defaults to IN_PERSON for interviews, NONE for tours, lunches and breaks", examples = "IN_PERSON") RoomNeed room,
            @Valid @Schema(description = "Local time window the whole session must lie in, e.g. lunch 11:30–13:30") TimeOfDay window) {
    }

    @Schema(name = "FromPool")
    public record FromPool(@NotNull UUID poolId, @NotNull @Min(1) @Max(10) @Schema(examples = "1") Integer count) {
    }

    @Schema(name = "TimeOfDayWindow")
    public record TimeOfDay(
            @NotNull @Schema(type = SchemaType.STRING, examples = "11:30") LocalTime from,
            @NotNull @Schema(type = SchemaType.STRING, examples = "13:30") LocalTime to) {
    }

    @Schema(name = "OrderRule", description = "FIRST and LAST name one session; BEFORE says earlier ends before later starts")
    public record Rule(
            @NotNull @Schema(examples = "FIRST") RuleType type,
            @Size(max = 40) @Schema(examples = "hiring-manager") String session,
            @Size(max = 40) String earlier,
            @Size(max = 40) String later) {
    }

    public enum RuleType {
        FIRST, LAST, BEFORE
    }

    @Schema(name = "LoopPlan", description = "Ranked options, or why there are none")
    public record LoopPlanView(
            @Schema(description = "Who and what the loop is for, as the candidate service has it now") ApplicationView application,
            List<OptionView> options,
            @Schema(description = "True when the first option is proven the best; false if the search hit its safety limit first")
            boolean provenBest,
            ExplanationView explanation) {
    }

    @Schema(name = "LoopApplication")
    public record ApplicationView(UUID applicationId,
                                  @Schema(examples = "Dana Okonkwo-Lindqvist") String candidateName,
                                  @Schema(examples = "Senior Backend Engineer (Java)") String jobTitle,
                                  @Schema(examples = "2") int round,
                                  @Schema(examples = "Second round: onsite loop") String roundName) {

        public static ApplicationView of(dev.secondround.scheduling.application.SchedulableApplication application) {
            return new ApplicationView(application.applicationId(), application.candidateName(), application.jobTitle(),
                    application.round(), application.roundName());
        }
    }

    @Schema(name = "LoopOption")
    public record OptionView(
            @Schema(examples = "1") int rank,
            @Schema(examples = "2026-12-01") LocalDate day,
            List<SessionView> sessions,
            @Schema(description = "Lower is better") int score,
            List<ScoreTermView> scoreTerms) {
    }

    @Schema(name = "PlannedSession")
    public record SessionView(
            @Schema(examples = "hiring-manager") String sessionId,
            @Schema(examples = "Conversation with the hiring manager") String title,
            SessionKind kind,
            @Schema(examples = "2026-12-01T08:00:00Z") Instant start,
            @Schema(examples = "2026-12-01T08:45:00Z") Instant end,
            List<ParticipantView> participants,
            VenueView venue) {
    }

    @Schema(name = "PlannedParticipant")
    public record ParticipantView(UUID interviewerId,
                                  @Schema(examples = "Ingrid Solberg-Haugen") String fullName,
                                  @Schema(description = "The pool this person was picked from, if any") UUID fromPoolId) {
    }

    @Schema(name = "Venue")
    public record VenueView(@Schema(examples = "ROOM") String type, UUID roomId,
                            @Schema(examples = "Fjord") String roomName) {
    }

    @Schema(name = "ScoreTerm")
    public record ScoreTermView(@Schema(examples = "idle time") String name, int points, String detail) {
    }

    @Schema(name = "NoOptionExplanation")
    public record ExplanationView(
            @Schema(examples = "No loop fits between 2026-11-30 and 2026-12-11.") String summary,
            List<BlockerView> blockers) {
    }

    @Schema(name = "Blocker")
    public record BlockerView(
            @Schema(examples = "PERSON_TIME_OFF") String kind,
            @Schema(examples = "Ingrid Solberg-Haugen") String subject,
            List<LocalDate> days,
            @Schema(examples = "Ingrid Solberg-Haugen: time off on 2026-11-30 and 2026-12-01") String message) {
    }
}
