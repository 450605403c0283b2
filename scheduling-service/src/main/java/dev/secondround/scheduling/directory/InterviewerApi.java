package dev.secondround.scheduling.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /v1/interviewers. */
public final class InterviewerApi {

    private InterviewerApi() {
    }

    @Schema(name = "InterviewerRequest")
    public record InterviewerRequest(
            @NotBlank @Size(max = 200) @Schema(description = "Exactly as it should be printed", examples = "Ingrid Solberg-Haugen") String fullName,
            @NotBlank @Size(max = 200) @Schema(examples = "Head of Platform Engineering") String title,
            @NotNull @Schema(examples = "HIRING_MANAGER") InterviewerRole roleKind,
            @NotBlank @Email @Size(max = 320) @Schema(examples = "ingrid.solberg-haugen@helix-robotics.example") String email,
            @NotBlank @Size(max = 64) @Schema(description = "IANA time zone", examples = "Europe/Berlin") String timeZone,
            // Empty would make the person never bookable (and is what some generated clients send for "not set").
            @Size(min = 1, max = 7, message = "must list 1 to 7 working days; leave it out for Monday–Friday 09:00–17:00")
            @Schema(description = "Defaults to Monday–Friday 09:00–17:00 when left out; an empty list is refused") List<@Valid @NotNull WorkingHoursBody> workingHours,
            @Min(0) @Max(20) @Schema(description = "Defaults to 3", examples = "3") Integer maxInterviewsPerDay,
            @Min(0) @Max(60) @Schema(description = "Defaults to 8", examples = "8") Integer maxInterviewsPerWeek,
            @Size(max = 200) @Schema(description = "OIDC subject the person signs in with (optional)",
                    examples = "a0000000-0000-4000-8000-000000000003") String oidcSubject,
            @Schema(description = "Defaults to true; inactive people are never scheduled", examples = "true") Boolean active) {
    }

    @Schema(name = "WorkingHours")
    public record WorkingHoursBody(
            @NotNull @Schema(examples = "MONDAY") DayOfWeek day,
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "09:00") LocalTime start,
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "17:30") LocalTime end) {
    }

    @Schema(name = "Interviewer")
    public record InterviewerView(
            UUID id,
            @Schema(examples = "Ingrid Solberg-Haugen") String fullName,
            @Schema(examples = "Head of Platform Engineering") String title,
            InterviewerRole roleKind,
            String email,
            @Schema(examples = "Europe/Berlin") String timeZone,
            List<WorkingHoursBody> workingHours,
            int maxInterviewsPerDay,
            int maxInterviewsPerWeek,
            String oidcSubject,
            boolean active,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        public static InterviewerView of(Interviewer i) {
            return new InterviewerView(i.getId(), i.fullName, i.title, i.roleKind, i.email, i.timeZone,
                    i.workingHours.stream().map(w -> new WorkingHoursBody(w.day(), w.start(), w.end())).toList(),
                    i.maxInterviewsPerDay, i.maxInterviewsPerWeek, i.oidcSubject, i.active,
                    i.getCreatedAt(), i.getUpdatedAt(), i.getVersion());
        }
    }
}
