package dev.secondround.platform.paging;

import dev.secondround.platform.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters every list takes: {@code limit}, {@code cursor} and {@code updatedSince}. */
public class PageParams {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    @QueryParam("limit")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = MAX_LIMIT, message = "must be at most " + MAX_LIMIT)
    @Parameter(description = "Page size, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")", example = "25")
    public Integer limit;

    @QueryParam("cursor")
    @Size(max = 200, message = "is not a cursor from this API")
    @Parameter(description = "Opaque cursor from the previous page's nextCursor")
    public String cursor;

    @QueryParam("updatedSince")
    @Parameter(description = "Only items created or changed at or after this ISO-8601 instant (for sync)",
            example = "2026-11-01T00:00:00Z")
    public String updatedSince;

    public int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    public Optional<Cursor> after() {
        return cursor == null || cursor.isBlank() ? Optional.empty() : Optional.of(Cursor.decode(cursor));
    }

    public Optional<Instant> updatedSinceInstant() {
        if (updatedSince == null || updatedSince.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(updatedSince));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("updatedSince", "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
