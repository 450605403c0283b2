package dev.secondround.feedback.template;

import dev.secondround.feedback.template.ScorecardTemplate.Form;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /v1/scorecard-templates. */
public final class TemplateApi {

    private TemplateApi() {
    }

    @Schema(name = "ScorecardTemplateRequest", description = "A scorecard: attributes rated 1 (poor) to 4 (excellent), an overall "
            + "recommendation (always asked) and key questions. jobId, round and sessionKinds narrow where it applies; the most "
            + "specific active template wins (job before round before session kind).")
    public record TemplateRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "Backend engineering: second-round interview") String name,
            @Size(max = 2000) String description,
            @NotNull @Schema(description = "FULL for interviews; LIGHT for tour guides and lunch hosts", examples = "FULL") Form form,
            @Schema(description = "Only for this job (the candidate service's job id)") UUID jobId,
            @Min(1) @Max(6) @Schema(description = "Only for this round", examples = "2") Integer round,
            @Size(max = 6) @Schema(description = "Only for these session kinds; empty = any", examples = "[\"INTERVIEW\", \"PANEL\"]")
            List<@NotNull @Pattern(regexp = "INTERVIEW|PANEL|TECHNICAL|EXECUTIVE|TOUR|LUNCH",
                    message = "must be one of INTERVIEW, PANEL, TECHNICAL, EXECUTIVE, TOUR, LUNCH") String> sessionKinds,
            @NotNull @Size(min = 1, max = 12) List<@NotNull @Valid AttributeRequest> attributes,
            @Size(max = 10) List<@NotBlank @Size(max = 500) String> keyQuestions,
            @Schema(description = "Inactive templates are kept for the requests that used them but chosen no more; default true")
            Boolean active) {
    }

    @Schema(name = "ScorecardAttribute")
    public record AttributeRequest(
            @NotNull @Pattern(regexp = "^[a-z][a-z0-9_]{1,39}$", message = "must be 2-40 lower-case letters, digits or _ starting with a letter")
            @Schema(description = "Stable key that ratings and aggregates use", examples = "professional_demeanour") String key,
            @NotBlank @Size(max = 100) @Schema(examples = "Professional demeanour") String name,
            @Size(max = 1000) @Schema(examples = "Punctual, prepared, courteous with everyone, including the receptionist") String description) {
    }

    @Schema(name = "ScorecardTemplate")
    public record TemplateView(UUID id, String name, String description, Form form, UUID jobId, Integer round,
                               List<String> sessionKinds, List<ScorecardTemplate.Attribute> attributes,
                               @Schema(description = "Ratings are 1 (poor) to 4 (excellent)", examples = "[1, 2, 3, 4]") List<Integer> scale,
                               @Schema(examples = "[\"STRONG_NO\", \"NO\", \"YES\", \"STRONG_YES\"]") List<String> recommendations,
                               List<String> keyQuestions, boolean active, Instant createdAt, Instant updatedAt, long version) {

        public static TemplateView of(ScorecardTemplate t) {
            return new TemplateView(t.getId(), t.name, t.description, t.form, t.jobId, t.round, List.copyOf(t.sessionKinds),
                    List.copyOf(t.attributes), SCALE, RECOMMENDATIONS, List.copyOf(t.keyQuestions), t.active, t.getCreatedAt(),
                    t.getUpdatedAt(), t.getVersion());
        }
    }

    public static final List<Integer> SCALE = List.of(1, 2, 3, 4);
    public static final List<String> RECOMMENDATIONS = List.of("STRONG_NO", "NO", "YES", "STRONG_YES");
}
