package dev.secondround.candidate.job;

import dev.secondround.candidate.job.JobApi.JobRequest;
import dev.secondround.candidate.job.JobApi.JobView;
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

@Path("/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs", description = "Positions at clients, with their interview plan (2 to 6 rounds)")
public class JobResource {

    private final JobService jobs;
    private final IdempotentCreates idempotency;

    public JobResource(JobService jobs, IdempotentCreates idempotency) {
        this.jobs = jobs;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @APIResponseSchema(value = JobView.class, responseCode = "201", responseDescription = "Created; Location names it, ETag carries its version")
    @Operation(operationId = "createJob", summary = "Open a job with its interview plan")
    public Response create(@Valid @NotNull JobRequest request,
                           @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Retry-safe create") String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST /v1/jobs", request, () -> {
            Job job = jobs.create(request);
            return Responses.created(uri, job.getId(), job.getVersion(), JobView.of(job));
        });
    }

    @GET
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration", "hiring_manager"})
    @Operation(operationId = "listJobs", summary = "List jobs (hiring managers: the jobs they manage)")
    public RestResponse<Page<JobView>> list(@QueryParam("clientId") UUID clientId,
                         @QueryParam("status") JobStatus status,
                         @QueryParam("title") @Size(max = 200) @Parameter(description = "Part of the title", example = "backend") String title,
                         @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(jobs.list(clientId, status, title, page).map(JobView::of), uri);
    }

    @GET
    @Path("{jobId}")
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration", "hiring_manager"})
    @Operation(operationId = "getJob", summary = "Read a job")
    public RestResponse<JobView> get(@PathParam("jobId") UUID jobId) {
        Job job = jobs.requireVisible(jobId);
        return Responses.withEtag(JobView.of(job), job.getVersion());
    }

    @PUT
    @Path("{jobId}")
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @Operation(operationId = "updateJob", summary = "Replace a job's details and plan (If-Match required)")
    public RestResponse<JobView> update(@PathParam("jobId") UUID jobId,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read", example = "\"0\"") String ifMatch,
                           @Valid @NotNull JobRequest request) {
        Job job = jobs.update(jobId, Versions.requireIfMatch(ifMatch), request);
        return Responses.withEtag(JobView.of(job), job.getVersion());
    }
}
