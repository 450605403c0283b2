package dev.secondround.platform.outbox;

/**
 * Delivers the outbox messages of one topic. Runs with the message's tenant set, in its own
 * transaction; throwing means "try again later" (with backoff), returning means delivered. Handlers
 * must tolerate a second delivery of the same message (a crash between delivering and recording it).
 */
public interface OutboxHandler {

    /** For {@link #maxAttempts()}: the platform's limit, {@code platform.outbox.max-attempts}. */
    int PLATFORM_LIMIT = 0;

    /** For {@link #maxAttempts()}: never mark a message FAILED, keep retrying (at most hourly) until it is delivered. */
    int RETRY_FOREVER = Integer.MAX_VALUE;

    String topic();

    void deliver(OutboxMessage message) throws Exception;

    /**
     * How many failed attempts end in FAILED. A handler whose messages must never be lost and whose
     * delivery is idempotent (it sends the current state, not an event) returns {@link #RETRY_FOREVER}:
     * an outage of the receiver longer than the platform's limit then delays its messages, never drops them.
     */
    default int maxAttempts() {
        return PLATFORM_LIMIT;
    }
}
