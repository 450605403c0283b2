package dev.secondround.scheduling.loop;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The candidate's day, in the loop's own time zone: who, what, when, where. */
@Schema(name = "Itinerary")
public record Itinerary(
        UUID loopId,
        @Schema(examples = "Second round: Dana Okonkwo-Lindqvist, Senior Backend Engineer") String title,
        @Schema(examples = "Dana Okonkwo-Lindqvist") String candidateName,
        @Schema(examples = "Senior Backend Engineer (Java)") String jobTitle,
        @Schema(examples = "Second round: onsite loop") String roundName,
        @Schema(examples = "Europe/Berlin") String timeZone,
        @Schema(examples = "2026-12-01") LocalDate day,
        @Schema(examples = "BOOKED") String status,
        List<Stop> stops) {

    @Schema(name = "ItineraryStop")
    public record Stop(
            @Schema(type = SchemaType.STRING, examples = "09:30") LocalTime from,
            @Schema(type = SchemaType.STRING, examples = "10:15") LocalTime to,
            @Schema(examples = "INTERVIEW") String kind,
            @Schema(examples = "Conversation with the hiring manager") String title,
            List<Person> people,
            @Schema(examples = "Fjord, Helix HQ, Torstraße 49, floor 3") String where) {
    }

    @Schema(name = "ItineraryPerson")
    public record Person(
            @Schema(examples = "Ingrid Solberg-Haugen") String fullName,
            @Schema(examples = "Head of Platform Engineering") String title,
            @Schema(examples = "HIRING_MANAGER") String role) {
    }
}
