package dev.secondround.candidate.candidate;

import dev.secondround.candidate.candidate.CandidateApi.CandidateRequest;
import dev.secondround.candidate.candidate.CandidateApi.CandidateView;
import dev.secondround.platform.api.Responses;
import dev.secondround.platform.concurrency.Versions;
import dev.secondround.platform.idempotency.IdempotentCreates;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.paging.PageResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

@Path("/v1/candidates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Candidates", description = "People the agency represents; searchable by name, email and tag")
public class CandidateResource {

    private final CandidateService candidates;
    private final IdempotentCreates idempotency;

    public CandidateResource(CandidateService candidates, IdempotentCreates idempotency) {
        this.candidates = candidates;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @APIResponseSchema(value = CandidateView.class, responseCode = "201", responseDescription = "Created; Location names it, ETag carries its version")
    @Operation(operationId = "createCandidate", summary = "Add a candidate (email unique in your organisation)")
    public Response create(@Valid @NotNull CandidateRequest request,
                           @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Retry-safe create") String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST /v1/candidates", request, () -> {
            Candidate candidate = candidates.create(request);
            return Responses.created(uri, candidate.getId(), candidate.getVersion(), CandidateView.of(candidate));
        });
    }

    @GET
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @Operation(operationId = "searchCandidates", summary = "Search candidates by name, email or tag")
    public RestResponse<Page<CandidateView>> search(@QueryParam("q") @Size(max = 200) @Parameter(description = "Part of the name or email", example = "okonkwo") String q,
                           @QueryParam("email") @Size(max = 320) @Parameter(description = "Exact email, any case", example = "dana.okonkwo@example.org") String email,
                           @QueryParam("tag") @Size(max = 40) @Parameter(description = "Exact tag", example = "java") String tag,
                           @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(candidates.search(q, email, tag, page).map(CandidateView::of), uri);
    }

    @GET
    @Path("{candidateId}")
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @Operation(operationId = "getCandidate", summary = "Read a candidate")
    public RestResponse<CandidateView> get(@PathParam("candidateId") UUID candidateId) {
        Candidate candidate = candidates.require(candidateId);
        return Responses.withEtag(CandidateView.of(candidate), candidate.getVersion());
    }

    @PUT
    @Path("{candidateId}")
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @Operation(operationId = "updateCandidate", summary = "Replace a candidate's details (If-Match required)")
    public RestResponse<CandidateView> update(@PathParam("candidateId") UUID candidateId,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read", example = "\"0\"") String ifMatch,
                           @Valid @NotNull CandidateRequest request) {
        Candidate candidate = candidates.update(candidateId, Versions.requireIfMatch(ifMatch), request);
        return Responses.withEtag(CandidateView.of(candidate), candidate.getVersion());
    }
}
