package dev.secondround.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Small helpers for calling the generated clients: expected errors, ETags, waiting for asynchronous work. */
final class Calls {

    /** A generated client call (each client has its own checked {@code ApiException}). */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    private Calls() {
    }

    /** Runs a call that must succeed; a refusal fails the test with the server's problem+json. */
    static <T> T ok(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            return fail("the call was refused: " + describe(e), e);
        }
    }

    /** The HTTP status and problem+json body of a call that must be refused. */
    static Refusal refused(Call<?> call) {
        try {
            Object answer = call.call();
            return fail("expected a refusal, got " + answer);
        } catch (dev.secondround.client.candidate.ApiException e) {
            return new Refusal(e.getCode(), e.getResponseBody());
        } catch (dev.secondround.client.scheduling.ApiException e) {
            return new Refusal(e.getCode(), e.getResponseBody());
        } catch (dev.secondround.client.feedback.ApiException e) {
            return new Refusal(e.getCode(), e.getResponseBody());
        } catch (Exception e) {
            return fail("unexpected failure: " + e, e);
        }
    }

    record Refusal(int status, String body) {
    }

    /** Either an answer (status 200) or a refusal's status: for calls where both are acceptable. */
    record Outcome(int status, Object answer) {
    }

    static Outcome outcome(Call<?> call) {
        try {
            return new Outcome(200, call.call());
        } catch (Exception e) {
            Refusal refusal = refused(() -> {
                throw e;
            });
            return new Outcome(refusal.status(), refusal.body());
        }
    }

    /** The ETag of a response (for If-Match). */
    static String etag(Map<String, List<String>> headers) {
        List<String> values = headers.get("etag");
        if (values == null || values.isEmpty()) {
            values = headers.get("ETag");
        }
        if (values == null || values.isEmpty()) {
            return fail("no ETag in " + headers.keySet());
        }
        return values.get(0);
    }

    /**
     * Polls {@code call} until {@code done} holds: for work the services do in the background (outbox
     * relays every second here). Fails with the last answer when it does not happen within {@code within}.
     */
    static <T> T eventually(String what, Duration within, Call<T> call, Predicate<T> done) {
        Instant deadline = Instant.now().plus(within);
        T last = null;
        while (true) {
            last = ok(call);
            if (done.test(last)) {
                return last;
            }
            if (Instant.now().isAfter(deadline)) {
                return fail(what + " did not happen within " + within + "; last answer: " + last);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted while waiting for " + what);
            }
        }
    }

    private static String describe(Exception e) {
        if (e instanceof dev.secondround.client.candidate.ApiException api) {
            return api.getCode() + " " + api.getResponseBody();
        }
        if (e instanceof dev.secondround.client.scheduling.ApiException api) {
            return api.getCode() + " " + api.getResponseBody();
        }
        if (e instanceof dev.secondround.client.feedback.ApiException api) {
            return api.getCode() + " " + api.getResponseBody();
        }
        return e.toString();
    }
}
