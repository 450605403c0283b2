package dev.secondround.feedback.decision;

import dev.secondround.feedback.decision.Decision.DeliveryStatus;
import dev.secondround.feedback.decision.DecisionApi.DecisionView;
import dev.secondround.platform.api.Responses;
import dev.secondround.platform.concurrency.Versions;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.paging.PageResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions", description = "The hiring manager's decision after a round, and applying it to the application's stage")
public class DecisionResource {

    private final DecisionService decisions;

    public DecisionResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    @GET
    @RolesAllowed({"hiring_manager", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "listDecisions", summary = "Decisions across applications, e.g. those whose delivery FAILED or was REFUSED",
            description = "Hiring managers see their jobs' decisions only. Ordered by last change, oldest first (updatedSince to sync).")
    public RestResponse<Page<DecisionView>> list(@QueryParam("deliveryStatus") @Parameter(description = "Only decisions in this delivery state",
                                                         example = "FAILED") DeliveryStatus deliveryStatus,
                                                 @QueryParam("jobId") UUID jobId,
                                                 @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(decisions.search(deliveryStatus, jobId, page).map(d -> DecisionView.of(d, decisions.hidesRationale(d))), uri);
    }

    @GET
    @Path("{decisionId}")
    @RolesAllowed({"hiring_manager", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "getDecision", summary = "Read a decision and how far applying it has got")
    public RestResponse<DecisionView> get(@PathParam("decisionId") UUID decisionId) {
        Decision decision = decisions.read(decisionId);
        return Responses.withEtag(DecisionView.of(decision, decisions.hidesRationale(decision)), decision.getVersion());
    }

    @POST
    @Path("{decisionId}/delivery")
    @RolesAllowed({"hiring_manager", "recruiter", "tenant_admin"})
    @APIResponse(responseCode = "202", description = "Queued again; delivery PENDING")
    @Operation(operationId = "redeliverDecision", summary = "Queue a FAILED decision for the candidate service again",
            description = "Only FAILED ones (retries exhausted), and only the application's latest decision: a REFUSED one would be "
                    + "refused again, and an older one must not undo a later one (409).")
    public RestResponse<DecisionView> redeliver(@PathParam("decisionId") UUID decisionId) {
        Decision decision = decisions.redeliver(decisionId);
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, DecisionView.of(decision, decisions.hidesRationale(decision)))
                .header(HttpHeaders.ETAG, Versions.etag(decision.getVersion())).build();
    }
}
