package dev.secondround.scheduling.feedbacksync;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The feedback service's loop intake, called with a service token of the loop's tenant. No fault
 * tolerance here on purpose: the outbox relay is the retry (with backoff, across restarts), and a
 * retry inside the relay's transaction would only hold its row lock longer.
 */
@RegisterRestClient(configKey = "feedback-service")
@Path("/v1/loops")
interface FeedbackServiceClient {

    /** Idempotent: the same or an older version again changes nothing there. */
    @PUT
    @Path("{loopId}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response putLoop(@HeaderParam("Authorization") String authorization, @PathParam("loopId") UUID loopId, LoopSnapshot loop);
}
