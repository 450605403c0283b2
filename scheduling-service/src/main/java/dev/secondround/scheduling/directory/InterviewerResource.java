package dev.secondround.scheduling.directory;

import dev.secondround.platform.api.Responses;
import dev.secondround.platform.concurrency.Versions;
import dev.secondround.platform.idempotency.IdempotentCreates;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.paging.PageResponses;
import dev.secondround.scheduling.directory.InterviewerApi.InterviewerRequest;
import dev.secondround.scheduling.directory.InterviewerApi.InterviewerView;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/interviewers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Interviewers", description = "The directory: who can meet candidates, when they work, how much they may interview")
public class InterviewerResource {

    private final InterviewerService interviewers;
    private final IdempotentCreates idempotency;

    public InterviewerResource(InterviewerService interviewers, IdempotentCreates idempotency) {
        this.interviewers = interviewers;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @APIResponseSchema(value = InterviewerView.class, responseCode = "201", responseDescription = "Created")
    @Operation(operationId = "createInterviewer", summary = "Add a person to the interviewer directory")
    public Response create(@Valid @NotNull InterviewerRequest request,
                           @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Retry-safe create") String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST /v1/interviewers", request, () -> {
            Interviewer interviewer = interviewers.create(request);
            return Responses.created(uri, interviewer.getId(), interviewer.getVersion(), InterviewerView.of(interviewer));
        });
    }

    @GET
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration", "hiring_manager"})
    @Operation(operationId = "listInterviewers", summary = "List or search the directory")
    public RestResponse<Page<InterviewerView>> list(
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Part of name, email or title", example = "solberg") String q,
            @QueryParam("roleKind") InterviewerRole roleKind,
            @QueryParam("active") Boolean active,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(interviewers.list(q, roleKind, active, page).map(InterviewerView::of), uri);
    }

    @GET
    @Path("me")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "hiring_manager", "interviewer"})
    @Operation(operationId = "getMyInterviewerEntry", summary = "Your own directory entry (matched by your sign-in)")
    public RestResponse<InterviewerView> me() {
        Interviewer interviewer = interviewers.requireSelf();
        return Responses.withEtag(InterviewerView.of(interviewer), interviewer.getVersion());
    }

    @GET
    @Path("{interviewerId}")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration", "hiring_manager", "interviewer"})
    @Operation(operationId = "getInterviewer", summary = "Read a directory entry (interviewers: their own)")
    public RestResponse<InterviewerView> get(@PathParam("interviewerId") UUID interviewerId) {
        Interviewer interviewer = interviewers.requireVisibleToReader(interviewerId);
        return Responses.withEtag(InterviewerView.of(interviewer), interviewer.getVersion());
    }

    @PUT
    @Path("{interviewerId}")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "updateInterviewer", summary = "Replace a directory entry (If-Match required)")
    public RestResponse<InterviewerView> update(@PathParam("interviewerId") UUID interviewerId,
                                                @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read", example = "\"0\"") String ifMatch,
                                                @Valid @NotNull InterviewerRequest request) {
        Interviewer interviewer = interviewers.update(interviewerId, Versions.requireIfMatch(ifMatch), request);
        return Responses.withEtag(InterviewerView.of(interviewer), interviewer.getVersion());
    }
}
