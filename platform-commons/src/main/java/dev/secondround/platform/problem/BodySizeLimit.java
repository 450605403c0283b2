package dev.secondround.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an oversized body with a 413 problem before anything reads it. The HTTP layer would refuse
 * it as well, but with an empty body; clients deserve the same problem+json as for every other error.
 * (Chunked uploads without Content-Length still get the HTTP layer's bare 413.)
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    void register(@Observes Filters filters, Problems problems) {
        long limit = maxBodySize.asLongValue();
        String body = problems.write(new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), ProblemType.PAYLOAD_TOO_LARGE.title(),
                413, "the request body exceeds " + (limit / 1024) + " KiB", null, java.util.List.of()));
        filters.register(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && isOver(length, limit)) {
                context.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(body);
                return;
            }
            context.next();
        }, 1000);
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
