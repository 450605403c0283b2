package dev.secondround.feedback.request;

import dev.secondround.feedback.request.RequestApi.RequestView;
import dev.secondround.platform.api.Responses;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.paging.PageResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/feedback-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback requests", description = "Who owes feedback for which loop, by when; made automatically when a loop is booked")
public class RequestResource {

    private final RequestService requests;

    public RequestResource(RequestService requests) {
        this.requests = requests;
    }

    @GET
    @RolesAllowed({"recruiter", "coordinator", "hiring_manager", "interviewer", "tenant_admin", "integration"})
    @Operation(operationId = "listFeedbackRequests",
            summary = "List feedback requests (interviewers: their own; hiring managers: their jobs' and their own)")
    public RestResponse<Page<RequestView>> list(
            @QueryParam("applicationId") UUID applicationId,
            @QueryParam("loopId") UUID loopId,
            @QueryParam("status") @Parameter(description = "OPEN, SUBMITTED or WITHDRAWN") FeedbackRequest.Status status,
            @QueryParam("overdue") @Parameter(description = "true: open and past due; false: everything else") Boolean overdue,
            @QueryParam("mine") @Parameter(description = "true: only the ones you owe") Boolean mine,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        Instant now = Instant.now();
        return PageResponses.ok(requests.list(new RequestService.Filter(applicationId, loopId, status, overdue, mine), page)
                .map(r -> RequestView.of(r, now)), uri);
    }

    @GET
    @Path("{requestId}")
    @RolesAllowed({"recruiter", "coordinator", "hiring_manager", "interviewer", "tenant_admin", "integration"})
    @Operation(operationId = "getFeedbackRequest", summary = "Read a feedback request with its form")
    public RestResponse<RequestView> get(@PathParam("requestId") UUID requestId) {
        FeedbackRequest request = requests.require(requestId);
        return Responses.withEtag(RequestView.of(request, Instant.now()), request.getVersion());
    }
}
