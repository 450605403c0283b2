package dev.secondround.scheduling.loop;

import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.paging.PageResponses;
import dev.secondround.scheduling.directory.Interviewer;
import dev.secondround.scheduling.directory.InterviewerService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** An interviewer's own upcoming sessions: what they need to prepare for, and nobody else's loops. */
@Path("/v1/interviewers/me/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interviewers")
public class MySessionsResource {

    private final EntityManager em;
    private final InterviewerService interviewers;

    public MySessionsResource(EntityManager em, InterviewerService interviewers) {
        this.em = em;
        this.interviewers = interviewers;
    }

    @Schema(name = "MySession")
    public record MySession(UUID loopId, @Schema(examples = "Second round: Dana Okonkwo-Lindqvist") String loopTitle,
                            String sessionId, String title, String kind, Instant start, Instant end,
                            @Schema(examples = "ROOM") String venue, UUID roomId,
                            @Schema(description = "Everyone in the session, names as printed") List<LoopSession.Participant> participants) {
    }

    @GET
    @Transactional
    @RolesAllowed({"interviewer", "coordinator", "recruiter", "tenant_admin", "hiring_manager"})
    @Operation(operationId = "listMyUpcomingSessions", summary = "Your upcoming booked sessions (matched by your sign-in), soonest first")
    public RestResponse<Page<MySession>> upcoming(@Valid @BeanParam PageParams page, @Context UriInfo uri) {
        Interviewer me = interviewers.requireSelf();
        int limit = page.limitOrDefault();
        // Keyset on (start, session id): soonest first, stable while sessions are booked or moved meanwhile.
        dev.secondround.platform.paging.Cursor after = page.cursor == null || page.cursor.isBlank() ? null
                : dev.secondround.platform.paging.Cursor.decode(page.cursor);
        // The booking rows say who is in which session (and vanish when a loop is cancelled).
        @SuppressWarnings("unchecked")
        List<UUID> sessionIds = em.createNativeQuery("""
                        select s.id from interviewer_booking b
                        join loop_session s on s.tenant_id = b.tenant_id and s.id = b.loop_session_id
                        join loop l on l.tenant_id = s.tenant_id and l.id = s.loop_id
                        where b.tenant_id = :tenant and b.interviewer_id = :me and upper(b.during) > now() and l.status = 'BOOKED'
                          and (cast(:afterStart as timestamptz) is null or (s.starts_at, s.id) > (cast(:afterStart as timestamptz), cast(:afterId as uuid)))
                        order by s.starts_at, s.id
                        limit :limit""")
                .setParameter("tenant", me.getTenantId()).setParameter("me", me.getId())
                .setParameter("afterStart", after == null ? null : java.time.OffsetDateTime.ofInstant(after.updatedAt(), java.time.ZoneOffset.UTC))
                .setParameter("afterId", after == null ? null : after.id())
                .setParameter("limit", limit + 1)
                .getResultList();
        boolean more = sessionIds.size() > limit;
        List<UUID> onThisPage = more ? sessionIds.subList(0, limit) : sessionIds;
        List<MySession> pageItems = onThisPage.isEmpty() ? List.of() : em.createQuery("""
                        select s, l from LoopSession s, Loop l
                        where s.id in :ids and l.id = s.loopId
                        order by s.startsAt, s.id""", Object[].class)
                .setParameter("ids", onThisPage)
                .getResultStream()
                .map(row -> {
                    LoopSession s = (LoopSession) row[0];
                    Loop l = (Loop) row[1];
                    return new MySession(l.getId(), l.title, s.sessionKey, s.title, s.kind.name(), s.startsAt, s.endsAt,
                            s.venue, s.roomId, s.participants);
                }).toList();
        String next = more ? new dev.secondround.platform.paging.Cursor(pageItems.get(pageItems.size() - 1).start(),
                onThisPage.get(onThisPage.size() - 1)).encode() : null;
        return PageResponses.ok(new Page<>(pageItems, next), uri);
    }
}
