package dev.secondround.scheduling.directory;

import dev.secondround.platform.api.Responses;
import dev.secondround.platform.idempotency.IdempotentCreates;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.paging.PageResponses;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.scheduling.directory.BusyBlockApi.BusyBlockRequest;
import dev.secondround.scheduling.directory.BusyBlockApi.BusyBlockView;
import dev.secondround.scheduling.directory.BusyBlockApi.ImportResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/interviewers/{interviewerId}/busy-blocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Time off and busy times", description = "When an interviewer cannot meet candidates; schedulers, or the interviewer themself")
public class BusyBlockResource {

    private static final String ICS_EXAMPLE = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Example Corp//Calendar//EN
            BEGIN:VEVENT
            UID:standup-42@example.com
            DTSTART;TZID=Europe/Berlin:20261123T093000
            DTEND;TZID=Europe/Berlin:20261123T094500
            RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR
            SUMMARY:Team stand-up
            END:VEVENT
            END:VCALENDAR
            """;

    private final BusyBlockService blocks;
    private final IdempotentCreates idempotency;

    public BusyBlockResource(BusyBlockService blocks, IdempotentCreates idempotency) {
        this.blocks = blocks;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration", "interviewer"})
    @APIResponseSchema(value = BusyBlockView.class, responseCode = "201", responseDescription = "Created")
    @Operation(operationId = "createBusyBlock", summary = "Record time off or a busy slot")
    public Response create(@PathParam("interviewerId") UUID interviewerId, @Valid @NotNull BusyBlockRequest request,
                           @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Retry-safe create") String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST /v1/interviewers/" + interviewerId + "/busy-blocks", request, () -> {
            BusyBlock block = blocks.create(interviewerId, request);
            return Responses.created(uri, block.getId(), block.getVersion(), BusyBlockView.of(block));
        });
    }

    @GET
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration", "interviewer"})
    @Operation(operationId = "listBusyBlocks", summary = "Busy times, optionally only those overlapping [from, to)")
    public RestResponse<Page<BusyBlockView>> list(@PathParam("interviewerId") UUID interviewerId,
                                                  @QueryParam("from") @Parameter(example = "2026-11-23T00:00:00Z") String from,
                                                  @QueryParam("to") @Parameter(example = "2026-12-05T00:00:00Z") String to,
                                                  @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(blocks.list(interviewerId, instant("from", from), instant("to", to), page).map(BusyBlockView::of), uri);
    }

    @DELETE
    @Path("{busyBlockId}")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration", "interviewer"})
    @APIResponse(responseCode = "204", description = "Removed")
    @Operation(operationId = "deleteBusyBlock", summary = "Remove a busy time (e.g. cancelled vacation)")
    public Response delete(@PathParam("interviewerId") UUID interviewerId, @PathParam("busyBlockId") UUID busyBlockId) {
        blocks.delete(interviewerId, busyBlockId);
        return Response.noContent().build();
    }

    @POST
    @Path("import")
    @Consumes("text/calendar")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration", "interviewer"})
    @RequestBody(content = @Content(mediaType = "text/calendar", examples = @ExampleObject(name = "stand-up", value = ICS_EXAMPLE)))
    @Operation(operationId = "importBusyBlocks",
            summary = "Import busy times from an .ics calendar (recurring events expanded; re-import updates)")
    public ImportResult importCalendar(@PathParam("interviewerId") UUID interviewerId, String calendar,
                                       @QueryParam("from") @Parameter(description = "Window start (default: today 00:00 UTC)") String from,
                                       @QueryParam("to") @Parameter(description = "Window end (default: 90 days after the start)") String to) {
        return blocks.importCalendar(interviewerId, calendar, instant("from", from), instant("to", to));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be an ISO-8601 instant such as 2026-11-23T00:00:00Z");
        }
    }
}
