package dev.secondround.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details: the one error body of every service. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(examples = "https://secondround.dev/problems/validation", description = "Stable URI naming the kind of problem")
        String type,
        @Schema(examples = "Request is not valid")
        String title,
        @Schema(examples = "400")
        int status,
        @Schema(examples = "email: must be a well-formed email address")
        String detail,
        @Schema(examples = "/v1/candidates")
        String instance,
        @Schema(description = "The invalid fields, for validation problems")
        List<InvalidField> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://secondround.dev/problems/";

    @Schema(name = "InvalidField")
    public record InvalidField(
            @Schema(examples = "email") String field,
            @Schema(examples = "must be a well-formed email address") String message) {
    }
}
