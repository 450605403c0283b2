package dev.secondround.candidate.debrief;

import dev.secondround.candidate.debrief.DebriefApi.DebriefRequest;
import dev.secondround.candidate.debrief.DebriefApi.DebriefView;
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
import jakarta.ws.rs.PUT;
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

@Path("/v1/applications/{applicationId}/debriefs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Debriefs", description = "Recruiter debriefs per application and round (internal, or shared with the hiring manager)")
public class DebriefResource {

    private final DebriefService debriefs;
    private final IdempotentCreates idempotency;

    public DebriefResource(DebriefService debriefs, IdempotentCreates idempotency) {
        this.debriefs = debriefs;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @APIResponseSchema(value = DebriefView.class, responseCode = "201", responseDescription = "Created; Location names it, ETag carries its version")
    @Operation(operationId = "createDebrief", summary = "Record a debrief after a round")
    public Response create(@PathParam("applicationId") UUID applicationId, @Valid @NotNull DebriefRequest request,
                           @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Retry-safe create") String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST /v1/applications/" + applicationId + "/debriefs", request, () -> {
            Debrief debrief = debriefs.create(applicationId, request);
            return Responses.created(uri, debrief.getId(), debrief.getVersion(), DebriefView.of(debrief));
        });
    }

    @GET
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration", "hiring_manager"})
    @Operation(operationId = "listDebriefs", summary = "Debriefs of an application (hiring managers: the shared ones)")
    public RestResponse<Page<DebriefView>> list(@PathParam("applicationId") UUID applicationId,
                         @QueryParam("round") @Min(1) @Max(6) @Parameter(description = "Only this round", example = "1") Integer round,
                         @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(debriefs.list(applicationId, round, page).map(DebriefView::of), uri);
    }

    @GET
    @Path("{debriefId}")
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration", "hiring_manager"})
    @Operation(operationId = "getDebrief", summary = "Read a debrief")
    public RestResponse<DebriefView> get(@PathParam("applicationId") UUID applicationId, @PathParam("debriefId") UUID debriefId) {
        Debrief debrief = debriefs.require(applicationId, debriefId);
        return Responses.withEtag(DebriefView.of(debrief), debrief.getVersion());
    }

    @PUT
    @Path("{debriefId}")
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @Operation(operationId = "updateDebrief", summary = "Replace a debrief (If-Match required)")
    public RestResponse<DebriefView> update(@PathParam("applicationId") UUID applicationId, @PathParam("debriefId") UUID debriefId,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read", example = "\"0\"") String ifMatch,
                           @Valid @NotNull DebriefRequest request) {
        Debrief debrief = debriefs.update(applicationId, debriefId, Versions.requireIfMatch(ifMatch), request);
        return Responses.withEtag(DebriefView.of(debrief), debrief.getVersion());
    }
}
