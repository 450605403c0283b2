package dev.secondround.candidate.candidate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /v1/candidates. */
public final class CandidateApi {

    private CandidateApi() {
    }

    @Schema(name = "CandidateRequest")
    public record CandidateRequest(
            @NotBlank @Size(max = 100) @Schema(examples = "Dana") String firstName,
            @NotBlank @Size(max = 100) @Schema(examples = "Okonkwo-Lindqvist") String lastName,
            @NotBlank @Email @Size(max = 320) @Schema(examples = "dana.okonkwo@example.org") String email,
            @Size(max = 40) @Pattern(regexp = "^[+0-9 ()./-]*$", message = "may contain only digits, spaces and + ( ) . / -")
            @Schema(examples = "+49 170 5550123") String phone,
            @Size(max = 500) @Pattern(regexp = "^https?://.*", message = "must be an http(s) URL")
            @Schema(examples = "https://www.linkedin.com/in/dana-okonkwo") String linkedinUrl,
            @Size(max = 500) @Pattern(regexp = "^https?://.*", message = "must be an http(s) URL")
            @Schema(examples = "https://files.example.org/resumes/dana-okonkwo.pdf") String resumeUrl,
            @NotNull @Schema(examples = "REFERRAL") CandidateSource source,
            @Size(max = 200) @Schema(description = "OIDC subject of the owning recruiter; defaults to the caller",
                    examples = "3b6d2c1a-9f8e-4d7c-b6a5-0e1f2a3b4c5d") String ownerRecruiter,
            @Size(max = 20) @Schema(examples = "[\"java\", \"relocation-ok\"]")
            List<@NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9+#.-]{0,39}$", message = "must be a lower-case tag of up to 40 characters") String> tags) {
    }

    @Schema(name = "Candidate")
    public record CandidateView(
            UUID id,
            @Schema(examples = "Dana") String firstName,
            @Schema(examples = "Okonkwo-Lindqvist") String lastName,
            @Schema(examples = "dana.okonkwo@example.org") String email,
            String phone,
            String linkedinUrl,
            String resumeUrl,
            CandidateSource source,
            String ownerRecruiter,
            List<String> tags,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        public static CandidateView of(Candidate c) {
            return new CandidateView(c.getId(), c.firstName, c.lastName, c.email, c.phone, c.linkedinUrl, c.resumeUrl,
                    c.source, c.ownerSubject, List.copyOf(c.tags), c.getCreatedAt(), c.getUpdatedAt(), c.getVersion());
        }
    }
}
