package dev.secondround.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What operators watch of the outbox, per topic (a handful, fixed in code; never per tenant or message):
 * <ul>
 * <li>{@code outbox_messages_pending}: messages not yet delivered nor given up, all tenants together;</li>
 * <li>{@code outbox_oldest_pending_age_seconds}: how long the oldest of them has waited since it was
 * queued, the number to alert on (it keeps growing while nothing is delivered);</li>
 * <li>{@code outbox_messages_delivered_total}, {@code outbox_delivery_retries_total} (an attempt failed,
 * retried later) and {@code outbox_messages_failed_total} (attempts exhausted: marked FAILED).</li>
 * </ul>
 * The two gauges are read from the database by the relay after each run, so every instance shows the
 * same numbers (use max, not sum, across instances); the counters count what this instance did.
 */
@ApplicationScoped
public class OutboxMetrics {

    /** Pending messages of one topic, as last read. */
    public record Pending(long count, Instant oldestQueuedAt) {
    }

    private final MeterRegistry registry;
    private final Map<String, TopicState> topics = new ConcurrentHashMap<>();

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Every handler's topic shows up at zero from the start, so rates and alerts see it before its first message. */
    void register(Collection<String> handledTopics) {
        handledTopics.forEach(this::topic);
    }

    void delivered(String topic) {
        topic(topic).delivered.increment();
    }

    void retried(String topic) {
        topic(topic).retries.increment();
    }

    void failed(String topic) {
        topic(topic).failed.increment();
    }

    /** The pending messages of every tenant, per topic; a topic not in {@code pending} has none. */
    void pending(Map<String, Pending> pending) {
        pending.keySet().forEach(this::topic);
        topics.forEach((name, state) -> {
            Pending now = pending.get(name);
            state.pendingCount = now == null ? 0 : now.count();
            state.oldestQueuedAt = now == null ? null : now.oldestQueuedAt();
        });
    }

    private TopicState topic(String topic) {
        return topics.computeIfAbsent(topic, this::newTopic);
    }

    private TopicState newTopic(String topic) {
        TopicState state = new TopicState(
                Counter.builder("outbox.messages.delivered").description("Outbox messages delivered by this instance")
                        .tag("topic", topic).register(registry),
                Counter.builder("outbox.delivery.retries").description("Outbox delivery attempts that failed and will be retried")
                        .tag("topic", topic).register(registry),
                Counter.builder("outbox.messages.failed").description("Outbox messages given up after their last attempt (status FAILED)")
                        .tag("topic", topic).register(registry));
        Gauge.builder("outbox.messages.pending", state, s -> s.pendingCount)
                .description("Outbox messages waiting for delivery, all tenants").tag("topic", topic).register(registry);
        Gauge.builder("outbox.oldest.pending.age", state, TopicState::oldestAgeSeconds).baseUnit("seconds")
                .description("Time since the oldest pending outbox message was queued (0 when none)").tag("topic", topic)
                .register(registry);
        return state;
    }

    private static final class TopicState {
        final Counter delivered;
        final Counter retries;
        final Counter failed;
        volatile long pendingCount;
        volatile Instant oldestQueuedAt;

        TopicState(Counter delivered, Counter retries, Counter failed) {
            this.delivered = delivered;
            this.retries = retries;
            this.failed = failed;
        }

        double oldestAgeSeconds() {
            Instant oldest = oldestQueuedAt;
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
        }
    }
}
