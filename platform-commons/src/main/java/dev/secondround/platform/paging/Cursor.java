package dev.secondround.platform.paging;

import dev.secondround.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset position (updatedAt, id) of the last item of a page. Opaque to clients; stable under inserts,
 * unlike offsets, and sorted by change time so the same walk serves sync with {@code updatedSince}.
 */
public record Cursor(Instant updatedAt, UUID id) {

    private static final String VERSION = "1";
    /** Rows are stamped by our clock; a cursor outside these bounds was not made by us. */
    private static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public String encode() {
        String raw = VERSION + "|" + updatedAt.getEpochSecond() + "|" + updatedAt.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|");
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor version");
            }
            Instant updatedAt = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            if (updatedAt.isBefore(EARLIEST) || updatedAt.isAfter(LATEST)) {
                throw new IllegalArgumentException("cursor time outside what we ever issue");
            }
            return new Cursor(updatedAt, UUID.fromString(parts[3]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor from this API; start again without it");
        }
    }
}
