package dev.secondround.scheduling.loop;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secondround.platform.outbox.Outbox;
import dev.secondround.platform.outbox.OutboxHandler;
import dev.secondround.platform.outbox.OutboxMessage;
import dev.secondround.scheduling.directory.Interviewer;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the candidate and the interviewers their itinerary and calendar invites by mail whenever a
 * loop is booked, changed or cancelled. The change queues one outbox message in its own transaction
 * (so a rolled-back booking sends nothing, and a committed one is never forgotten); the relay mails
 * the invites as they are when it runs, with the loop's current SEQUENCE, and retries on failure.
 * Someone replaced gets the CANCEL for their old events, since the invite service renders that.
 */
@ApplicationScoped
public class LoopInvites implements OutboxHandler {

    static final String TOPIC = "loop-invites";

    private final Outbox outbox;
    private final ItineraryService itineraries;
    private final LoopBookingService loops;
    private final EntityManager em;
    private final Mailer mailer;
    private final ObjectMapper json;
    private final dev.secondround.platform.outbox.OutboxRelay relay;

    public LoopInvites(Outbox outbox, ItineraryService itineraries, LoopBookingService loops, EntityManager em, Mailer mailer,
                       ObjectMapper json, dev.secondround.platform.outbox.OutboxRelay relay) {
        this.outbox = outbox;
        this.itineraries = itineraries;
        this.loops = loops;
        this.em = em;
        this.mailer = mailer;
        this.json = json;
        this.relay = relay;
    }

    /** Who gets mail about one change of a loop. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recipients(UUID loopId, long version, boolean candidate, Set<UUID> interviewerIds) {
    }

    /** Queue mails for the candidate and these interviewers, in the change's transaction. */
    public void queue(Loop loop, boolean candidate, Collection<UUID> interviewerIds) {
        outbox.enqueue(TOPIC, new Recipients(loop.getId(), loop.getVersion(), candidate, new TreeSet<>(interviewerIds)));
    }

    /** Everyone in (or formerly in) the loop's sessions. */
    Set<UUID> everyone(Loop loop) {
        return peopleIn(loops.sessionsOf(loop.getId()));
    }

    /** Everyone in these sessions, and whoever was replaced in them (they hold events to cancel). */
    static Set<UUID> peopleIn(Collection<LoopSession> sessions) {
        Set<UUID> people = new TreeSet<>();
        for (LoopSession session : sessions) {
            session.participants.forEach(p -> people.add(p.interviewerId()));
            session.formerParticipants.forEach(p -> people.add(p.interviewerId()));
        }
        return people;
    }

    @Scheduled(every = "${scheduling.outbox.every:10s}", delayed = "${scheduling.outbox.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relayDue();
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        Recipients to = json.readValue(message.payload(), Recipients.class);
        Loop loop = loops.require(to.loopId());
        if (to.candidate() && loop.candidateEmail != null) {
            Itinerary itinerary = itineraries.itinerary(loop.getId());
            ItineraryService.CalendarFile invite = itineraries.candidateInvite(itinerary);
            boolean cancelled = loop.status == Loop.LoopStatus.CANCELLED;
            mailer.send(Mail.withText(loop.candidateEmail,
                            (cancelled ? "Cancelled: " : "Your interviews on " + loop.day + ": ") + loop.title,
                            (cancelled ? "This loop has been cancelled.\n\n" : "") + ItineraryService.text(itinerary))
                    .setHtml(itineraries.html(itinerary))
                    .addAttachment("invite.ics", invite.content().getBytes(StandardCharsets.UTF_8),
                            "text/calendar; charset=utf-8; method=" + invite.method()));
        }
        for (UUID interviewerId : to.interviewerIds()) {
            Interviewer person = em.find(Interviewer.class, interviewerId);
            if (person == null || person.email == null) {
                continue;
            }
            ItineraryService.CalendarFile invite = itineraries.interviewerInvite(loop.getId(), interviewerId);
            boolean cancel = "CANCEL".equals(invite.method());
            mailer.send(Mail.withText(person.email,
                            (cancel ? "Cancelled: " : "Interview: ") + loop.title + " on " + loop.day,
                            (cancel ? "You are no longer needed for " : "You are invited to ") + loop.title + " on " + loop.day
                                    + ". The calendar file has the details.")
                    .addAttachment("invite.ics", invite.content().getBytes(StandardCharsets.UTF_8),
                            "text/calendar; charset=utf-8; method=" + invite.method()));
        }
    }
}
