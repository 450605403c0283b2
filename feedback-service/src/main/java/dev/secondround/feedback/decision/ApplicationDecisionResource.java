package dev.secondround.feedback.decision;

import dev.secondround.feedback.decision.DecisionApi.DecisionRequest;
import dev.secondround.feedback.decision.DecisionApi.DecisionView;
import dev.secondround.platform.concurrency.Versions;
import dev.secondround.platform.idempotency.IdempotentCreates;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.paging.PageResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/applications/{applicationId}/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions")
public class ApplicationDecisionResource {

    private final DecisionService decisions;
    private final IdempotentCreates idempotency;

    public ApplicationDecisionResource(DecisionService decisions, IdempotentCreates idempotency) {
        this.decisions = decisions;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({"hiring_manager", "recruiter", "tenant_admin"})
    @APIResponseSchema(value = DecisionView.class, responseCode = "201",
            responseDescription = "Recorded; delivery PENDING until the candidate service has the new stage")
    @Operation(operationId = "decide", summary = "Decide after a round: NEXT_ROUND, FINALIST, OFFER or REJECT, with a rationale",
            description = "The job's hiring manager (once their own scorecard for the candidate is in), or a recruiter or tenant admin "
                    + "for the client. The application's stage in the candidate service follows reliably (watch delivery). 404 for an "
                    + "application without an interview loop here; 409 while an earlier decision is still being applied.")
    public Response decide(@PathParam("applicationId") UUID applicationId, @Valid @NotNull DecisionRequest request,
                           @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Retry-safe create") String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST /v1/applications/" + applicationId + "/decisions", request, () -> {
            Decision decision = decisions.decide(applicationId, request);
            return Response.created(uri.getBaseUriBuilder().path("v1/decisions").path(decision.getId().toString()).build())
                    .header(HttpHeaders.ETAG, Versions.etag(decision.getVersion()))
                    .entity(DecisionView.of(decision)).build();
        });
    }

    @GET
    @RolesAllowed({"hiring_manager", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "listApplicationDecisions", summary = "The decisions on an application with their delivery status",
            description = "Ordered by last change, oldest first (updatedSince to sync).")
    public RestResponse<Page<DecisionView>> list(@PathParam("applicationId") UUID applicationId, @Valid @BeanParam PageParams page,
                                                 @Context UriInfo uri) {
        return PageResponses.ok(decisions.list(applicationId, page).map(d -> DecisionView.of(d, decisions.hidesRationale(d))), uri);
    }
}
