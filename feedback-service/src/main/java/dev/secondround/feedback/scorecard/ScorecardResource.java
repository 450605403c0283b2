package dev.secondround.feedback.scorecard;

import dev.secondround.feedback.scorecard.ScorecardApi.ScorecardRequest;
import dev.secondround.feedback.scorecard.ScorecardApi.ScorecardView;
import dev.secondround.platform.api.Responses;
import dev.secondround.platform.concurrency.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/feedback-requests/{requestId}/scorecard")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecards")
public class ScorecardResource {


    private final ScorecardService scorecards;

    public ScorecardResource(ScorecardService scorecards) {
        this.scorecards = scorecards;
    }

    @PUT
    @RolesAllowed({"hiring_manager", "interviewer", "recruiter", "coordinator", "tenant_admin"})
    @Operation(operationId = "saveScorecard", summary = "Save your scorecard: a draft, or a change to your submitted one (with changeReason)",
            description = "Only the participant the request is for (the token's subject). The first save needs no If-Match; later ones do.")
    public RestResponse<ScorecardView> save(@PathParam("requestId") UUID requestId,
                                            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read; not needed for the first save", example = "\"0\"") String ifMatch,
                                            @Valid @NotNull ScorecardRequest request) {
        Scorecard scorecard = scorecards.save(requestId, Versions.optionalIfMatch(ifMatch), request);
        return Responses.withEtag(ScorecardView.of(scorecard), scorecard.getVersion());
    }

    @POST
    @Path("submission")
    @RolesAllowed({"hiring_manager", "interviewer", "recruiter", "coordinator", "tenant_admin"})
    @Operation(operationId = "submitScorecard", summary = "Submit your saved scorecard (complete, after your session began; If-Match required)")
    public RestResponse<ScorecardView> submit(@PathParam("requestId") UUID requestId,
                                              @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read", example = "\"1\"") String ifMatch) {
        Scorecard scorecard = scorecards.submit(requestId, Versions.requireIfMatch(ifMatch));
        return Responses.withEtag(ScorecardView.of(scorecard), scorecard.getVersion());
    }

    @GET
    @RolesAllowed({"recruiter", "hiring_manager", "interviewer", "tenant_admin", "integration"})
    @Operation(operationId = "getScorecardOfRequest", summary = "Read the scorecard of a feedback request (yours, or another's as the anti-anchoring policy allows)")
    public RestResponse<ScorecardView> ofRequest(@PathParam("requestId") UUID requestId) {
        Scorecard scorecard = scorecards.readForRequest(requestId);
        return Responses.withEtag(ScorecardView.of(scorecard), scorecard.getVersion());
    }
}
