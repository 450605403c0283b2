package dev.secondround.scheduling.pool;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /v1/pools. */
public final class PoolApi {

    private PoolApi() {
    }

    @Schema(name = "PoolRequest")
    public record PoolRequest(
            @NotBlank @Size(max = 60) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$", message = "must be lower-case letters, digits and dashes")
            @Schema(examples = "java-technical") String name,
            @Size(max = 500) @Schema(examples = "Engineers who run the Java technical session") String description,
            @NotNull @Size(max = 200) @Schema(examples = "[\"5d7e9f10-2a3b-4c5d-8e9f-0a1b2c3d4e5f\"]") List<@NotNull UUID> memberIds) {
    }

    @Schema(name = "PoolMember")
    public record Member(UUID id, @Schema(examples = "Kwame Mensah-Boateng") String fullName,
                         @Schema(examples = "Senior Software Engineer") String title, boolean active) {
    }

    @Schema(name = "Pool")
    public record PoolView(
            UUID id,
            @Schema(examples = "java-technical") String name,
            String description,
            List<Member> members,
            Instant createdAt,
            Instant updatedAt,
            long version) {
    }
}
