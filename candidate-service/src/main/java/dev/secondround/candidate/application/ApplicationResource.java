package dev.secondround.candidate.application;

import dev.secondround.candidate.application.ApplicationApi.ApplicationRequest;
import dev.secondround.candidate.application.ApplicationApi.StageChangeRequest;
import dev.secondround.candidate.application.ApplicationApi.StageChangeView;
import dev.secondround.platform.api.Responses;
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
import dev.secondround.candidate.application.ApplicationApi.ApplicationView;

@Path("/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "A candidate for a job, moving through its rounds, with full stage history")
public class ApplicationResource {

    private final ApplicationService applications;
    private final IdempotentCreates idempotency;

    public ApplicationResource(ApplicationService applications, IdempotentCreates idempotency) {
        this.applications = applications;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @APIResponseSchema(value = ApplicationView.class, responseCode = "201", responseDescription = "Created; Location names it, ETag carries its version")
    @Operation(operationId = "createApplication", summary = "Put a candidate forward for an open job")
    public Response create(@Valid @NotNull ApplicationRequest request,
                           @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Retry-safe create") String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST /v1/applications", request, () -> {
            Application application = applications.create(request);
            return Responses.created(uri, application.getId(), application.getVersion(), applications.view(application));
        });
    }

    @GET
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration", "hiring_manager"})
    @Operation(operationId = "listApplications", summary = "List applications (hiring managers: those of their jobs)")
    public RestResponse<Page<ApplicationView>> list(@QueryParam("jobId") UUID jobId, @QueryParam("candidateId") UUID candidateId,
                         @QueryParam("stage") ApplicationStage stage,
                         @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        Page<Application> found = applications.list(jobId, candidateId, stage, page);
        return PageResponses.ok(new Page<>(applications.views(found.items()), found.nextCursor()), uri);
    }

    @GET
    @Path("{applicationId}")
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration", "hiring_manager"})
    @Operation(operationId = "getApplication", summary = "Read an application with its stage and round")
    public RestResponse<ApplicationView> get(@PathParam("applicationId") UUID applicationId) {
        Application application = applications.requireVisible(applicationId);
        return Responses.withEtag(applications.view(application), application.getVersion());
    }

    @POST
    @Path("{applicationId}/stage-changes")
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @Operation(operationId = "changeApplicationStage",
            summary = "Move the application (validated transition; If-Match with the application's ETag)")
    public RestResponse<ApplicationView> changeStage(@PathParam("applicationId") UUID applicationId,
                                @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "Application ETag of your last read", example = "\"0\"") String ifMatch,
                                @Valid @NotNull StageChangeRequest request) {
        Application application = applications.changeStage(applicationId, Versions.requireIfMatch(ifMatch), request);
        return Responses.withEtag(applications.view(application), application.getVersion());
    }

    @GET
    @Path("{applicationId}/stage-changes")
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration", "hiring_manager"})
    @Operation(operationId = "listStageChanges", summary = "The application's full stage history, oldest first")
    public RestResponse<Page<StageChangeView>> history(@PathParam("applicationId") UUID applicationId, @Valid @BeanParam PageParams page,
                            @Context UriInfo uri) {
        return PageResponses.ok(applications.history(applicationId, page).map(StageChangeView::of), uri);
    }
}
