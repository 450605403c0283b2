package dev.secondround.feedback.outbox;

import dev.secondround.platform.outbox.OutboxRelay;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Relays the outbox (reminder and escalation mails, and whatever else this service queues) shortly
 * after each change committed. Every handler of every topic is found by the relay itself, so this is
 * the one schedule the service needs.
 */
@ApplicationScoped
public class OutboxSchedule {

    private final OutboxRelay relay;

    public OutboxSchedule(OutboxRelay relay) {
        this.relay = relay;
    }

    @Scheduled(every = "${feedback.outbox.every:10s}", delayed = "${feedback.outbox.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relayDue();
    }
}
