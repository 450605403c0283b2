package dev.secondround.feedback.outbox;

import dev.secondround.platform.outbox.OutboxRelay;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one schedule that relays this service's outbox (decisions to the candidate service, reminder
 * and escalation mails): every handler's topic goes through the same relay, so it is scheduled exactly once.
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
