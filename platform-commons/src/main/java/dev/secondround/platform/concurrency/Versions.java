package dev.secondround.platform.concurrency;

import dev.secondround.platform.problem.ProblemException;
import dev.secondround.platform.problem.ProblemType;

/**
 * ETag / If-Match for optimistic concurrency. The ETag is the entity's {@code @Version}; an update
 * must name the version it was based on, so two people editing the same job cannot silently
 * overwrite each other (the second gets 412, the first's write wins).
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Parses {@code If-Match}: 428 when missing; the result answers 412 for a version that is not current. */
    public static IfMatch requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "send If-Match with the ETag from your last read of this resource");
        }
        return IfMatch.parse(ifMatch);
    }

    /** For a PUT that creates on first use: no If-Match is fine until the resource exists. */
    public static java.util.Optional<IfMatch> optionalIfMatch(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(IfMatch.parse(ifMatch));
    }

    public static ProblemException stale() {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "the resource was changed since you read it; fetch it again and reapply your change");
    }
}
