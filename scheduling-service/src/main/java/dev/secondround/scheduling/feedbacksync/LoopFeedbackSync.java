package dev.secondround.scheduling.feedbacksync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secondround.platform.outbox.Outbox;
import dev.secondround.platform.outbox.OutboxHandler;
import dev.secondround.platform.outbox.OutboxMessage;
import dev.secondround.platform.security.ServiceTokens;
import dev.secondround.scheduling.directory.Interviewer;
import dev.secondround.scheduling.directory.InterviewerRole;
import dev.secondround.scheduling.directory.InterviewerUpdated;
import dev.secondround.scheduling.engine.SessionKind;
import dev.secondround.scheduling.loop.Loop;
import dev.secondround.scheduling.loop.LoopSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Tells the feedback service about every booked loop and every change to it (booking, replacement,
 * session move, cancellation), reliably: the change queues a message in its own transaction, and the
 * outbox relay sends the loop's state <em>as it is when the relay runs</em> with
 * {@code PUT /v1/loops/{loopId}}, retrying with backoff while the feedback service is down or refuses.
 * A late or repeated delivery therefore carries the newest state and version, and the receiver drops
 * versions older than what it has. The relay has no user's token, so it calls with a service token of
 * the loop's tenant ({@link ServiceTokens}): the tenant comes from that token's verified claim there,
 * as for any caller. Loops that were never booked (drafts, proposals) are nobody's feedback business.
 * A change to a participant's directory entry that the snapshot carries (a sign-in linked, a new email
 * or role) queues their recent loops again, at the same version: what changed is not the loop, and
 * the receiver applies a repeated version again. Messages are never given up on (an outage of the
 * feedback service only delays them), since every delivery just sends the current state.
 */
@ApplicationScoped
public class LoopFeedbackSync implements OutboxHandler {

    static final String TOPIC = "loop-feedback";
    private static final int ERROR_BODY_CHARS = 300;
    /** Loops whose sessions with a person ended longer ago than this are not re-sent when the person's entry changes. */
    private static final Duration DIRECTORY_RESYNC_WINDOW = Duration.ofDays(30);

    private final Outbox outbox;
    private final EntityManager em;
    private final ServiceTokens tokens;
    private final FeedbackServiceClient feedback;
    private final ObjectMapper json;

    public LoopFeedbackSync(Outbox outbox, EntityManager em, ServiceTokens tokens, @RestClient FeedbackServiceClient feedback,
                            ObjectMapper json) {
        this.outbox = outbox;
        this.em = em;
        this.tokens = tokens;
        this.feedback = feedback;
        this.json = json;
    }

    /** Which loop changed; the version is for the log only, delivery sends whatever is current. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Changed(UUID loopId, long version) {
    }

    /** Queues telling the feedback service, in the change's transaction; nothing for a loop never booked. */
    public void queue(Loop loop) {
        if (loop.day == null) {
            return;
        }
        outbox.enqueue(TOPIC, new Changed(loop.getId(), loop.getVersion()));
    }

    /**
     * A participant's sign-in, email or role changed: their booked loops (recent or upcoming) are sent
     * again, in the change's transaction, so feedback requests reach them under the new sign-in or
     * address. The loop's version stays: the loop itself did not change. The booking rows say who is in
     * which session now (replaced people and cancelled loops have none), found through the index of
     * the exclusion constraint on (tenant, interviewer, time range).
     */
    void directoryEntryChanged(@Observes InterviewerUpdated change) {
        if (FromDirectory.of(change.before()).equals(FromDirectory.of(change.after()))) {
            return;
        }
        Interviewer person = change.interviewer();
        @SuppressWarnings("unchecked")
        List<Object[]> loops = em.createNativeQuery("""
                        select distinct l.id, l.version from interviewer_booking b
                        join loop_session s on s.tenant_id = b.tenant_id and s.id = b.loop_session_id
                        join loop l on l.tenant_id = s.tenant_id and l.id = s.loop_id
                        where b.tenant_id = :tenant and b.interviewer_id = :person and b.during && tstzrange(:since, null)
                          and l.status = 'BOOKED'""")
                .setParameter("tenant", person.getTenantId()).setParameter("person", person.getId())
                .setParameter("since", OffsetDateTime.now(ZoneOffset.UTC).minus(DIRECTORY_RESYNC_WINDOW))
                .getResultList();
        for (Object[] loop : loops) {
            outbox.enqueue(TOPIC, new Changed((UUID) loop[0], ((Number) loop[1]).longValue()));
        }
    }

    /** What a snapshot takes from a participant's directory entry (names and titles are the ones on the itinerary). */
    private record FromDirectory(InterviewerRole roleKind, String email, String oidcSubject) {

        static FromDirectory of(InterviewerUpdated.Identity entry) {
            return new FromDirectory(entry.roleKind(), entry.email(), entry.oidcSubject());
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    /** Never FAILED: delivery sends the current state, so retrying after any outage is always right. */
    @Override
    public int maxAttempts() {
        return RETRY_FOREVER;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        Changed changed = json.readValue(message.payload(), Changed.class);
        LoopSnapshot snapshot = snapshot(changed.loopId());
        String authorization = tokens.authorizationFor(message.tenantId());
        try (Response response = put(authorization, snapshot)) {
            int status = response.getStatus();
            if (status / 100 == 2) {
                return;
            }
            if (status == 401) {
                // Perhaps a token the identity provider no longer stands behind (keys rotated): sign in afresh next time.
                tokens.forget(message.tenantId());
            }
            throw new IllegalStateException("feedback service answered HTTP " + status + " for loop " + snapshot.loopId()
                    + " version " + snapshot.version() + ": " + errorBody(response));
        }
    }

    /** The answer whatever its status (the client throws for 4xx/5xx); an exception only when there is none. */
    private Response put(String authorization, LoopSnapshot snapshot) {
        try {
            return feedback.putLoop(authorization, snapshot.loopId(), snapshot);
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException e) {
            throw new IllegalStateException("feedback service unreachable for loop " + snapshot.loopId() + ": " + e.getMessage(), e);
        }
    }

    /** The loop now: sessions with people, each person with their directory entry's role, email and subject. */
    LoopSnapshot snapshot(UUID loopId) {
        Loop loop = em.find(Loop.class, loopId);
        if (loop == null) {
            throw new IllegalStateException("loop " + loopId + " does not exist in this tenant");
        }
        LoopSnapshot.Status status = switch (loop.status) {
            case BOOKED, IN_PROGRESS, COMPLETED -> LoopSnapshot.Status.BOOKED;
            case CANCELLED -> LoopSnapshot.Status.CANCELLED;
            // Booked loops never go back to DRAFT or PROPOSED, and only they are queued.
            case DRAFT, PROPOSED -> throw new IllegalStateException("loop " + loopId + " is " + loop.status + ", it was never booked");
        };
        List<LoopSession> sessions = em.createQuery(
                        "select s from LoopSession s where s.loopId = :loop order by s.startsAt, s.sessionKey", LoopSession.class)
                .setParameter("loop", loopId).getResultList().stream()
                .filter(s -> s.kind != SessionKind.BREAK).toList();
        Map<UUID, Interviewer> directory = directoryEntries(sessions.stream()
                .flatMap(s -> s.participants.stream()).map(LoopSession.Participant::interviewerId).collect(Collectors.toSet()));
        return new LoopSnapshot(loop.getId(), loop.getVersion(), status, loop.applicationId, loop.candidateId, loop.candidateName,
                loop.jobId, loop.jobTitle, loop.round, loop.roundName, loop.timeZone, loop.day, loop.startsAt, loop.endsAt,
                sessions.stream().map(s -> new LoopSnapshot.Session(s.sessionKey, s.title, s.kind, s.startsAt, s.endsAt,
                        s.participants.stream().map(p -> participant(p, directory.get(p.interviewerId()))).toList())).toList());
    }

    private Map<UUID, Interviewer> directoryEntries(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select i from Interviewer i where i.id in :ids", Interviewer.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(Interviewer::getId, Function.identity()));
    }

    private static LoopSnapshot.Participant participant(LoopSession.Participant p, Interviewer entry) {
        if (entry == null) {
            return new LoopSnapshot.Participant(p.interviewerId(), p.fullName(), p.title(), null, null, null);
        }
        FromDirectory directory = FromDirectory.of(InterviewerUpdated.Identity.of(entry));
        return new LoopSnapshot.Participant(p.interviewerId(), p.fullName(), p.title(), directory.roleKind(), directory.email(),
                directory.oidcSubject());
    }

    private static String errorBody(Response response) {
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            body = body == null ? "" : body.strip();
            return body.isEmpty() ? "(no body)" : body.length() <= ERROR_BODY_CHARS ? body : body.substring(0, ERROR_BODY_CHARS) + "…";
        } catch (RuntimeException e) {
            return "(body unreadable)";
        }
    }
}
