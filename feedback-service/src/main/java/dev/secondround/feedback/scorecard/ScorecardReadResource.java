package dev.secondround.feedback.scorecard;

import dev.secondround.feedback.scorecard.ScorecardApi.RevisionView;
import dev.secondround.feedback.scorecard.ScorecardApi.ScorecardView;
import dev.secondround.platform.api.Responses;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.paging.PageResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/scorecards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecards", description = "Each participant's opinion: drafts, submission, changes with history; others' hidden until yours is in")
public class ScorecardReadResource {

    private final ScorecardService scorecards;

    public ScorecardReadResource(ScorecardService scorecards) {
        this.scorecards = scorecards;
    }

    @GET
    @RolesAllowed({"recruiter", "hiring_manager", "interviewer", "tenant_admin", "integration"})
    @Operation(operationId = "listScorecards", summary = "The submitted scorecards of an application (the panel), as the anti-anchoring policy allows",
            description = "Without applicationId: recruiters, tenant admins and integrations list all (sync with updatedSince); everyone else their own submitted scorecards.")
    public RestResponse<Page<ScorecardView>> list(@QueryParam("applicationId") UUID applicationId,
                                                  @QueryParam("round") @Min(1) @Max(6) Integer round,
                                                  @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(scorecards.list(applicationId, round, page).map(ScorecardView::of), uri);
    }

    @GET
    @Path("{scorecardId}")
    @RolesAllowed({"recruiter", "hiring_manager", "interviewer", "tenant_admin", "integration"})
    @Operation(operationId = "getScorecard", summary = "Read a scorecard (yours, or another's as the anti-anchoring policy allows)")
    public RestResponse<ScorecardView> get(@PathParam("scorecardId") UUID scorecardId) {
        Scorecard scorecard = scorecards.read(scorecardId);
        return Responses.withEtag(ScorecardView.of(scorecard), scorecard.getVersion());
    }

    @GET
    @Path("{scorecardId}/revisions")
    @RolesAllowed({"recruiter", "hiring_manager", "interviewer", "tenant_admin", "integration"})
    @Operation(operationId = "listScorecardRevisions", summary = "A scorecard's history: every submission and change, oldest first")
    public List<RevisionView> revisions(@PathParam("scorecardId") UUID scorecardId) {
        return scorecards.revisions(scorecardId).stream().map(RevisionView::of).toList();
    }
}
