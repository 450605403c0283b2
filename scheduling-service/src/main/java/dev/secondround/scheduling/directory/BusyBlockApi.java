package dev.secondround.scheduling.directory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /v1/interviewers/{id}/busy-blocks. */
public final class BusyBlockApi {

    private BusyBlockApi() {
    }

    @Schema(name = "BusyBlockRequest")
    public record BusyBlockRequest(
            @NotNull @Schema(examples = "2026-11-24T00:00:00Z") Instant startsAt,
            @NotNull @Schema(examples = "2026-11-26T00:00:00Z") Instant endsAt,
            @NotNull @Schema(examples = "TIME_OFF") BusyBlock.Kind kind,
            @Size(max = 200) @Schema(examples = "Vacation") String summary) {
    }

    @Schema(name = "BusyBlock")
    public record BusyBlockView(
            UUID id,
            UUID interviewerId,
            @Schema(examples = "2026-11-24T00:00:00Z") Instant startsAt,
            @Schema(examples = "2026-11-26T00:00:00Z") Instant endsAt,
            BusyBlock.Kind kind,
            BusyBlock.Source source,
            @Schema(examples = "Vacation") String summary,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        static BusyBlockView of(BusyBlock b) {
            return new BusyBlockView(b.getId(), b.interviewerId, b.startsAt, b.endsAt, b.kind, b.source, b.summary,
                    b.getCreatedAt(), b.getUpdatedAt(), b.getVersion());
        }
    }

    @Schema(name = "CalendarImportResult", description = "What an .ics upload changed")
    public record ImportResult(
            @Schema(examples = "12") int imported,
            @Schema(examples = "3") int updated,
            @Schema(description = "Earlier imported blocks in the window that the calendar no longer has", examples = "1") int removed,
            @Schema(description = "Free (TRANSP:TRANSPARENT), cancelled, or outside the import window", examples = "2") int skipped,
            @Schema(examples = "2026-11-21T00:00:00Z") Instant windowStart,
            @Schema(examples = "2027-02-19T00:00:00Z") Instant windowEnd,
            List<String> warnings) {
    }
}
