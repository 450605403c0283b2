package dev.secondround.candidate.followup;

import dev.secondround.candidate.followup.FollowUpApi.FollowUpRequest;
import dev.secondround.candidate.followup.FollowUpApi.FollowUpView;
import dev.secondround.platform.api.Responses;
import dev.secondround.platform.concurrency.Versions;
import dev.secondround.platform.idempotency.IdempotentCreates;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.paging.PageResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.RestResponse;
import dev.secondround.platform.paging.Page;

@Path("/v1/applications/{applicationId}/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups", description = "What the candidate sent each interviewer after a round (thank-you notes)")
public class FollowUpResource {

    private final FollowUpService followUps;
    private final IdempotentCreates idempotency;

    public FollowUpResource(FollowUpService followUps, IdempotentCreates idempotency) {
        this.followUps = followUps;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @APIResponseSchema(value = FollowUpView.class, responseCode = "201", responseDescription = "Recorded")
    @Operation(operationId = "recordFollowUp", summary = "Record a follow-up sent to an interviewer")
    public Response create(@PathParam("applicationId") UUID applicationId, @Valid @NotNull FollowUpRequest request,
                           @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Retry-safe create") String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST /v1/applications/" + applicationId + "/follow-ups", request, () -> {
            FollowUp followUp = followUps.create(applicationId, request);
            return Responses.created(uri, followUp.getId(), followUp.getVersion(), FollowUpView.of(followUp));
        });
    }

    @GET
    @Path("{followUpId}")
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @Operation(operationId = "getFollowUp", summary = "Read a follow-up")
    public RestResponse<FollowUpView> get(@PathParam("applicationId") UUID applicationId, @PathParam("followUpId") UUID followUpId) {
        FollowUp followUp = followUps.require(applicationId, followUpId);
        return Responses.withEtag(FollowUpView.of(followUp), followUp.getVersion());
    }

    @GET
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @Operation(operationId = "listFollowUps", summary = "Follow-ups of an application")
    public RestResponse<Page<FollowUpView>> list(@PathParam("applicationId") UUID applicationId,
                         @QueryParam("round") @Min(1) @Max(6) @Parameter(description = "Only this round", example = "2") Integer round,
                         @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(followUps.list(applicationId, round, page).map(FollowUpView::of), uri);
    }
}
