package dev.secondround.scheduling.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secondround.platform.problem.Problem;
import dev.secondround.platform.problem.ProblemType;
import dev.secondround.scheduling.loop.LoopApi.BookingConflict;
import dev.secondround.scheduling.planning.LoopPlanApi.LoopPlanView;
import dev.secondround.scheduling.planning.LoopPlanningService;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The loser of a booking race gets a 409 problem and, with it, the options as they are now. */
public class BookingConflictMapper {

    private final LoopPlanningService planning;
    private final ObjectMapper json;

    public BookingConflictMapper(LoopPlanningService planning, ObjectMapper json) {
        this.planning = planning;
        this.json = json;
    }

    @ServerExceptionMapper
    public Response conflict(BookingConflictException e, UriInfo uri) throws JsonProcessingException {
        // The booking's transaction is over (rolled back); this plan runs in its own.
        LoopPlanView fresh = planning.plan(e.plan(), e.application());
        BookingConflict body = new BookingConflict(ProblemType.CONFLICT.uri(), "The option was taken", 409, e.getMessage(),
                uri.getRequestUri().getRawPath(), fresh);
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(body)).build();
    }
}
