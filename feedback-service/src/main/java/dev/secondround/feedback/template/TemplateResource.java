package dev.secondround.feedback.template;

import dev.secondround.feedback.template.TemplateApi.TemplateRequest;
import dev.secondround.feedback.template.TemplateApi.TemplateView;
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

@Path("/v1/scorecard-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecard templates", description = "What participants are asked, per job, round and session kind")
public class TemplateResource {

    private final TemplateService templates;
    private final IdempotentCreates idempotency;

    public TemplateResource(TemplateService templates, IdempotentCreates idempotency) {
        this.templates = templates;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({"recruiter", "tenant_admin", "integration"})
    @APIResponseSchema(value = TemplateView.class, responseCode = "201", responseDescription = "Created; Location names it, ETag carries its version")
    @Operation(operationId = "createScorecardTemplate", summary = "Add a scorecard template")
    public Response create(@Valid @NotNull TemplateRequest request,
                           @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Retry-safe create: same key and body, same answer") String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST /v1/scorecard-templates", request, () -> {
            ScorecardTemplate template = templates.create(request);
            return Responses.created(uri, template.getId(), template.getVersion(), TemplateView.of(template));
        });
    }

    @GET
    @RolesAllowed({"recruiter", "coordinator", "hiring_manager", "interviewer", "tenant_admin", "integration"})
    @Operation(operationId = "listScorecardTemplates", summary = "List scorecard templates")
    public RestResponse<Page<TemplateView>> list(@QueryParam("jobId") @Parameter(description = "Only templates for this job") UUID jobId,
                                                 @QueryParam("active") @Parameter(description = "Only active (true) or inactive (false) ones") Boolean active,
                                                 @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(templates.list(jobId, active, page).map(TemplateView::of), uri);
    }

    @GET
    @Path("{templateId}")
    @RolesAllowed({"recruiter", "coordinator", "hiring_manager", "interviewer", "tenant_admin", "integration"})
    @Operation(operationId = "getScorecardTemplate", summary = "Read a scorecard template")
    public RestResponse<TemplateView> get(@PathParam("templateId") UUID templateId) {
        ScorecardTemplate template = templates.require(templateId);
        return Responses.withEtag(TemplateView.of(template), template.getVersion());
    }

    @PUT
    @Path("{templateId}")
    @RolesAllowed({"recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "updateScorecardTemplate", summary = "Replace a scorecard template (If-Match required); requests already made keep the version they were made with")
    public RestResponse<TemplateView> update(@PathParam("templateId") UUID templateId,
                                             @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read", example = "\"0\"") String ifMatch,
                                             @Valid @NotNull TemplateRequest request) {
        ScorecardTemplate template = templates.update(templateId, Versions.requireIfMatch(ifMatch), request);
        return Responses.withEtag(TemplateView.of(template), template.getVersion());
    }
}
