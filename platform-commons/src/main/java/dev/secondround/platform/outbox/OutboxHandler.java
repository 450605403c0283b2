package dev.secondround.platform.outbox;

/**
 * Delivers the outbox messages of one topic. Runs with the message's tenant set, in its own
 * transaction; throwing means "try again later" (with backoff), returning means delivered. Handlers
 * must tolerate a second delivery of the same message (a crash between delivering and recording it).
 */
public interface OutboxHandler {

    String topic();

    void deliver(OutboxMessage message) throws Exception;
}
