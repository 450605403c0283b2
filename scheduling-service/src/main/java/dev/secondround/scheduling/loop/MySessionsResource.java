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
        int offset = 0;
        // Soonest first; the cursor here is the number already seen (the list is short and forward-only).
        if (page.cursor != null && !page.cursor.isBlank()) {
            try {
                offset = Integer.parseInt(new String(java.util.Base64.getUrlDecoder().decode(page.cursor)));
                if (offset < 0) {
                    throw new IllegalArgumentException("negative");
                }
            } catch (IllegalArgumentException e) {
                throw dev.secondround.platform.problem.ProblemException.invalidField("cursor", "is not a cursor from this API");
            }
        }
        // The booking rows say who is in which session (and vanish when a loop is cancelled).
        @SuppressWarnings("unchecked")
        List<UUID> sessionIds = em.createNativeQuery(
                        "select loop_session_id from interviewer_booking where tenant_id = :tenant and interviewer_id = :me and upper(during) > now()")
                .setParameter("tenant", me.getTenantId()).setParameter("me", me.getId()).getResultList();
        List<MySession> mine = sessionIds.isEmpty() ? List.of() : em.createQuery("""
                        select s, l from LoopSession s, Loop l
                        where s.id in :ids and l.id = s.loopId and l.status = :booked
                        order by s.startsAt, s.id""", Object[].class)
                .setParameter("ids", sessionIds).setParameter("booked", Loop.LoopStatus.BOOKED)
                .getResultStream()
                .map(row -> {
                    LoopSession s = (LoopSession) row[0];
                    Loop l = (Loop) row[1];
                    return new MySession(l.getId(), l.title, s.sessionKey, s.title, s.kind.name(), s.startsAt, s.endsAt,
                            s.venue, s.roomId, s.participants);
                }).toList();
        List<MySession> pageItems = mine.stream().skip(offset).limit(limit).toList();
        String next = offset + limit < mine.size()
                ? java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(String.valueOf(offset + limit).getBytes()) : null;
        return PageResponses.ok(new Page<>(pageItems, next), uri);
    }
}
