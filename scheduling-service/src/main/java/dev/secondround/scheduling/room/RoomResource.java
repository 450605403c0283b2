package dev.secondround.scheduling.room;

import dev.secondround.platform.api.Responses;
import dev.secondround.platform.concurrency.Versions;
import dev.secondround.platform.idempotency.IdempotentCreates;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.paging.PageResponses;
import dev.secondround.scheduling.room.RoomApi.RoomRequest;
import dev.secondround.scheduling.room.RoomApi.RoomView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

@Path("/v1/rooms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rooms", description = "Meeting rooms with their capacity, and video links")
public class RoomResource {

    private final RoomService rooms;
    private final IdempotentCreates idempotency;

    public RoomResource(RoomService rooms, IdempotentCreates idempotency) {
        this.rooms = rooms;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @APIResponseSchema(value = RoomView.class, responseCode = "201", responseDescription = "Created")
    @Operation(operationId = "createRoom", summary = "Add a meeting room or a video link")
    public Response create(@Valid @NotNull RoomRequest request,
                           @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Retry-safe create") String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST /v1/rooms", request, () -> {
            Room room = rooms.create(request);
            return Responses.created(uri, room.getId(), room.getVersion(), RoomView.of(room));
        });
    }

    @GET
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration", "hiring_manager"})
    @Operation(operationId = "listRooms", summary = "List rooms, e.g. those that seat at least N")
    public RestResponse<Page<RoomView>> list(@QueryParam("kind") Room.Kind kind,
                                             @QueryParam("minCapacity") @Min(1) @Max(500) @Parameter(example = "4") Integer minCapacity,
                                             @QueryParam("active") Boolean active,
                                             @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(rooms.list(kind, minCapacity, active, page).map(RoomView::of), uri);
    }

    @GET
    @Path("{roomId}")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration", "hiring_manager"})
    @Operation(operationId = "getRoom", summary = "Read a room")
    public RestResponse<RoomView> get(@PathParam("roomId") UUID roomId) {
        Room room = rooms.require(roomId);
        return Responses.withEtag(RoomView.of(room), room.getVersion());
    }

    @PUT
    @Path("{roomId}")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "updateRoom", summary = "Replace a room's details (If-Match required)")
    public RestResponse<RoomView> update(@PathParam("roomId") UUID roomId,
                                         @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read", example = "\"0\"") String ifMatch,
                                         @Valid @NotNull RoomRequest request) {
        Room room = rooms.update(roomId, Versions.requireIfMatch(ifMatch), request);
        return Responses.withEtag(RoomView.of(room), room.getVersion());
    }
}
