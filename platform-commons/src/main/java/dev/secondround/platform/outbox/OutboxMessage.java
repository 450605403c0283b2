package dev.secondround.platform.outbox;

import java.util.UUID;

/** One queued piece of work: its topic's handler reads the JSON payload. */
public record OutboxMessage(UUID id, String tenantId, String topic, String payload, int attempts) {
}
