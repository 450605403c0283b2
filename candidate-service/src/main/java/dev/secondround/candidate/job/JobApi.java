package dev.secondround.candidate.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /v1/jobs. */
public final class JobApi {

    private JobApi() {
    }

    /** A whole plan: the schema's per-field examples would give one round, fewer than a plan's minimum of two. */
    static final String INTERVIEW_PLAN_EXAMPLE = "[{\"number\": 1, \"name\": \"First interview\", \"kind\": \"FIRST_INTERVIEW\"}, "
            + "{\"number\": 2, \"name\": \"Second round: onsite loop\", \"kind\": \"ONSITE_LOOP\"}, "
            + "{\"number\": 3, \"name\": \"Final with the CTO\", \"kind\": \"FINAL\"}]";

    @Schema(name = "JobRequest")
    public record JobRequest(
            @NotNull @Schema(examples = "0b6f3a52-1c9e-4f57-8d0c-5a1e2b3c4d5e") UUID clientId,
            @NotBlank @Size(max = 200) @Schema(examples = "Senior Backend Engineer (Java)") String title,
            @Size(max = 120) @Schema(examples = "Platform Engineering") String department,
            @Size(max = 200) @Schema(examples = "Berlin, hybrid") String location,
            @NotNull @Valid HiringManager hiringManager,
            @Schema(description = "Defaults to OPEN on create", examples = "OPEN") JobStatus status,
            @NotNull @Size(min = 2, max = 6, message = "must have 2 to 6 rounds")
            @Schema(description = "Rounds numbered 1..n in order", examples = INTERVIEW_PLAN_EXAMPLE)
            List<@Valid @NotNull RoundBody> interviewPlan) {
    }

    @Schema(name = "HiringManager", description = "The user who manages the job; sees it and its applications")
    public record HiringManager(
            @NotBlank @Size(max = 200) @Schema(description = "OIDC subject (user id) of the hiring manager",
                    examples = "7c1f2d3e-0a4b-4c5d-8e6f-1a2b3c4d5e6f") String subject,
            @NotBlank @Size(max = 200) @Schema(examples = "Siobhán Ní Bhriain") String name,
            @Email @Size(max = 320) @Schema(examples = "siobhan.nibhriain@helix-robotics.example") String email) {
    }

    @Schema(name = "InterviewRound")
    public record RoundBody(
            @Min(1) @Max(6) @Schema(examples = "2") int number,
            @NotBlank @Size(max = 120) @Schema(examples = "Second round: onsite loop") String name,
            @NotNull @Schema(examples = "ONSITE_LOOP") RoundKind kind) {
    }

    @Schema(name = "Job")
    public record JobView(
            UUID id,
            UUID clientId,
            @Schema(examples = "Senior Backend Engineer (Java)") String title,
            String department,
            String location,
            HiringManager hiringManager,
            JobStatus status,
            @Schema(examples = INTERVIEW_PLAN_EXAMPLE) List<RoundBody> interviewPlan,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        public static JobView of(Job job) {
            return new JobView(job.getId(), job.clientId, job.title, job.department, job.location,
                    new HiringManager(job.hiringManagerSubject, job.hiringManagerName, job.hiringManagerEmail),
                    job.status,
                    job.interviewPlan.stream().map(r -> new RoundBody(r.number(), r.name(), r.kind())).toList(),
                    job.getCreatedAt(), job.getUpdatedAt(), job.getVersion());
        }
    }
}
