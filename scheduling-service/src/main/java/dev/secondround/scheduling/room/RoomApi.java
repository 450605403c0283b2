package dev.secondround.scheduling.room;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /v1/rooms. */
public final class RoomApi {

    private RoomApi() {
    }

    @Schema(name = "RoomRequest", description = "A VIDEO room needs a videoLink; capacity counts the candidate too")
    public record RoomRequest(
            @NotBlank @Size(max = 120) @Schema(examples = "Fjord (3rd floor)") String name,
            @NotNull @Schema(examples = "IN_PERSON") Room.Kind kind,
            @Size(max = 120) @Schema(examples = "Helix HQ, Torstraße 49") String building,
            @Size(max = 40) @Schema(examples = "3") String floor,
            @NotNull @Min(1) @Max(500) @Schema(examples = "6") Integer capacity,
            @Size(max = 500) @Pattern(regexp = "^https://\\S+$", message = "must be an https URL")
            @Schema(examples = "https://meet.example.com/helix-fjord") String videoLink,
            @Schema(description = "Defaults to true", examples = "true") Boolean active) {
    }

    @Schema(name = "Room")
    public record RoomView(
            UUID id,
            @Schema(examples = "Fjord (3rd floor)") String name,
            Room.Kind kind,
            String building,
            String floor,
            int capacity,
            String videoLink,
            boolean active,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        static RoomView of(Room r) {
            return new RoomView(r.getId(), r.name, r.kind, r.building, r.floor, r.capacity, r.videoLink, r.active,
                    r.getCreatedAt(), r.getUpdatedAt(), r.getVersion());
        }
    }
}
