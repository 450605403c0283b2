package dev.secondround.scheduling.loop;

import dev.secondround.platform.api.Responses;
import dev.secondround.platform.concurrency.Versions;
import dev.secondround.platform.idempotency.IdempotentCreates;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.paging.PageResponses;
import dev.secondround.scheduling.application.ApplicationCheck;
import dev.secondround.scheduling.application.SchedulableApplication;
import dev.secondround.scheduling.loop.LoopApi.BookingRequest;
import dev.secondround.scheduling.loop.LoopApi.CreateLoopRequest;
import dev.secondround.scheduling.loop.LoopApi.BookingConflict;
import dev.secondround.scheduling.loop.LoopApi.CancelLoopRequest;
import dev.secondround.scheduling.loop.LoopApi.LoopView;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/loops")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Loops", description = "Second-round loops from draft to booked: propose or confirm options atomically, read, change, cancel")
public class LoopResource {

    private final LoopBookingService loops;
    private final LoopChangeService changes;
    private final ItineraryService itineraries;
    private final IdempotentCreates idempotency;
    private final ApplicationCheck applications;

    public LoopResource(LoopBookingService loops, LoopChangeService changes, ItineraryService itineraries,
                        IdempotentCreates idempotency, ApplicationCheck applications) {
        this.applications = applications;
        this.loops = loops;
        this.changes = changes;
        this.itineraries = itineraries;
        this.idempotency = idempotency;
    }

    @Schema(name = "ReplacementRequest", description = "Someone drops out: replace them in every session of the loop")
    public record ReplacementRequest(
            @NotNull @Schema(description = "Who drops out") UUID interviewerId,
            @Schema(description = "Who replaces them; default: the engine picks from the same pool") UUID replacementId,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) @Schema(examples = "Illness") String reason) {
    }

    @Schema(name = "LoopChange")
    public record ChangeView(UUID id, LoopChange.Kind kind, @Schema(examples = "Kwame Mensah-Boateng → Ana Beatriz Figueiredo in Team lunch") String detail,
                             String reason, String changedBy, java.time.Instant changedAt) {
    }

    @POST
    @Path("{loopId}/replacements")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "replaceParticipant",
            summary = "Replace someone who dropped out (vacation, illness) without rebooking the loop (If-Match required)")
    public RestResponse<LoopView> replace(@PathParam("loopId") UUID loopId,
                                          @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read", example = "\"0\"") String ifMatch,
                                          @Valid @NotNull ReplacementRequest request) {
        Loop loop = changes.replace(loopId, Versions.requireIfMatch(ifMatch), request.interviewerId(), request.replacementId(),
                request.reason().strip());
        return Responses.withEtag(loops.view(loop), loop.getVersion());
    }

    @Schema(name = "SessionMoveRequest", description = "Someone cannot make their booked time: move only their sessions, same day, same people")
    public record MoveRequest(
            @NotNull @Schema(description = "Who cannot make it at the booked time") UUID interviewerId,
            @jakarta.validation.constraints.Size(max = 8) @Schema(description = "Only these of their sessions (default: all of them)")
            List<@NotNull String> sessionIds,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500)
            @Schema(examples = "Board meeting moved to 10:00") String reason) {
    }

    @POST
    @Path("{loopId}/session-moves")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "moveSessions", summary = "Move only the sessions of someone who cannot make their time, "
            + "to other times the same day; everything else stays (If-Match required)")
    public RestResponse<LoopView> move(@PathParam("loopId") UUID loopId,
                                       @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read", example = "\"0\"") String ifMatch,
                                       @Valid @NotNull MoveRequest request) {
        Loop loop = changes.move(loopId, Versions.requireIfMatch(ifMatch), request.interviewerId(), request.sessionIds(),
                request.reason().strip());
        return Responses.withEtag(loops.view(loop), loop.getVersion());
    }

    @GET
    @Path("{loopId}/changes")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "listLoopChanges", summary = "Everything that happened to the loop, oldest first")
    public RestResponse<Page<ChangeView>> changes(@PathParam("loopId") UUID loopId, @Valid @BeanParam PageParams page,
                                                  @Context UriInfo uri) {
        return PageResponses.ok(changes.changes(loopId, page).map(c -> new ChangeView(c.getId(), c.kind, c.detail, c.reason,
                c.changedBy, c.getCreatedAt())), uri);
    }

    @GET
    @Path("{loopId}/itinerary")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "getItinerary", summary = "The candidate's day: who (names as printed, titles, roles), what, when, where")
    public Itinerary itinerary(@PathParam("loopId") UUID loopId) {
        return itineraries.itinerary(loopId);
    }

    @GET
    @Path("{loopId}/itinerary.html")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "getPrintableItinerary", summary = "The itinerary as a printable page to send the candidate")
    public String printableItinerary(@PathParam("loopId") UUID loopId) {
        return itineraries.html(itineraries.itinerary(loopId));
    }

    @GET
    @Path("{loopId}/invites/candidate.ics")
    @Produces("text/calendar")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @APIResponse(responseCode = "200", description = "The calendar file (attachment second-round.ics)", content = @Content(
            mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "getCandidateInvite", summary = "RFC 5545 calendar file for the candidate (PUBLISH; STATUS:CANCELLED and a higher SEQUENCE once cancelled)")
    public Response candidateInvite(@PathParam("loopId") UUID loopId) {
        return ics(itineraries.candidateInvite(loopId), "second-round.ics");
    }

    @GET
    @Path("{loopId}/invites/{interviewerId}.ics")
    @Produces("text/calendar")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @APIResponse(responseCode = "200", description = "The calendar file (attachment interview.ics)", content = @Content(
            mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "getInterviewerInvite", summary = "RFC 5545 invite for one interviewer: their sessions, everyone in them as attendees")
    public Response interviewerInvite(@PathParam("loopId") UUID loopId, @PathParam("interviewerId") UUID interviewerId) {
        return ics(itineraries.interviewerInvite(loopId, interviewerId), "interview.ics");
    }

    @POST
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @APIResponseSchema(value = LoopView.class, responseCode = "201", responseDescription = "Booked, proposed or drafted")
    @APIResponse(responseCode = "409", description = "The option was taken (or became impossible); fresh options enclosed. "
            + "Also: the application is not in an interview round, or its round already has a loop.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = BookingConflict.class)))
    @Operation(operationId = "createLoop", summary = "A loop for the plan's application and round: book an option from "
            + "POST /v1/loop-plans at once (all sessions or none, never double-booking), propose options to the candidate, or save a draft")
    public Response create(@Valid @NotNull CreateLoopRequest request,
                           @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Retry-safe booking") String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST /v1/loops", request, () -> {
            // Asked live, before any transaction here: the application must exist for this caller and be in the round.
            SchedulableApplication application = applications.requireInRound(request.plan().applicationId(), request.plan().round());
            Loop loop = loops.create(request, application);
            return Responses.created(uri, loop.getId(), loop.getVersion(), loops.view(loop));
        });
    }

    @POST
    @Path("{loopId}/booking")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    // Declared: with only the 409 declared, the document had no success response (generated clients returned void).
    @APIResponseSchema(value = LoopView.class, responseCode = "200", responseDescription = "Booked; ETag carries its new version")
    @APIResponse(responseCode = "409", description = "The option was taken (or became impossible); fresh options enclosed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = BookingConflict.class)))
    @Operation(operationId = "bookLoop", summary = "Book a DRAFT or PROPOSED loop with the chosen option (If-Match required); "
            + "the application is checked again with the candidate service")
    public RestResponse<LoopView> book(@PathParam("loopId") UUID loopId,
                                       @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read", example = "\"0\"") String ifMatch,
                                       @Valid @NotNull BookingRequest request) {
        var ifMatchValue = Versions.requireIfMatch(ifMatch);
        Loop current = loops.require(loopId);
        SchedulableApplication application = applications.requireInRound(current.applicationId, current.round);
        Loop loop = loops.book(loopId, ifMatchValue, request.option(), application);
        return Responses.withEtag(loops.view(loop), loop.getVersion());
    }

    @GET
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "listLoops", summary = "Loops, e.g. of one application, or by status (IN_PROGRESS and COMPLETED follow from the clock)")
    public RestResponse<Page<LoopView>> list(@QueryParam("applicationId") UUID applicationId,
                                             @QueryParam("status") Loop.LoopStatus status,
                                             @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        Page<Loop> found = loops.list(applicationId, status, page);
        return PageResponses.ok(new Page<>(found.items().stream().map(loops::view).toList(), found.nextCursor()), uri);
    }

    @GET
    @Path("{loopId}")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "getLoop", summary = "A loop with its sessions, people and rooms")
    public RestResponse<LoopView> get(@PathParam("loopId") UUID loopId) {
        Loop loop = loops.require(loopId);
        return Responses.withEtag(loops.view(loop), loop.getVersion());
    }

    @POST
    @Path("{loopId}/cancel")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "cancelLoop", summary = "Cancel a loop and free its people and rooms (If-Match required)")
    public RestResponse<LoopView> cancel(@PathParam("loopId") UUID loopId,
                                         @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read", example = "\"0\"") String ifMatch,
                                         @Valid @NotNull CancelLoopRequest request) {
        Loop loop = loops.cancel(loopId, Versions.requireIfMatch(ifMatch), request.reason());
        return Responses.withEtag(loops.view(loop), loop.getVersion());
    }

    /** The file with its iTIP method repeated in the Content-Type, as calendar clients expect. */
    private static Response ics(ItineraryService.CalendarFile file, String filename) {
        return Response.ok(file.content(), "text/calendar; charset=utf-8; method=" + file.method())
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
