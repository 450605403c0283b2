package dev.secondround.scheduling.pool;

import dev.secondround.platform.api.Responses;
import dev.secondround.platform.concurrency.Versions;
import dev.secondround.platform.idempotency.IdempotentCreates;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.paging.PageResponses;
import dev.secondround.scheduling.pool.PoolApi.PoolRequest;
import dev.secondround.scheduling.pool.PoolApi.PoolView;
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

@Path("/v1/pools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pools", description = "Interchangeable interviewers a loop draws from (e.g. java-technical, tour-guides)")
public class PoolResource {

    private final PoolService pools;
    private final IdempotentCreates idempotency;

    public PoolResource(PoolService pools, IdempotentCreates idempotency) {
        this.pools = pools;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @APIResponseSchema(value = PoolView.class, responseCode = "201", responseDescription = "Created")
    @Operation(operationId = "createPool", summary = "Create a pool of interviewers")
    public Response create(@Valid @NotNull PoolRequest request,
                           @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Retry-safe create") String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST /v1/pools", request, () -> {
            Pool pool = pools.create(request);
            return Responses.created(uri, pool.getId(), pool.getVersion(), pools.view(pool));
        });
    }

    @GET
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration", "hiring_manager"})
    @Operation(operationId = "listPools", summary = "List pools, by name or by member")
    public RestResponse<Page<PoolView>> list(@QueryParam("name") @Size(max = 60) @Parameter(example = "java-technical") String name,
                                             @QueryParam("memberId") UUID memberId,
                                             @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        Page<Pool> found = pools.list(name, memberId, page);
        return PageResponses.ok(new Page<>(pools.views(found.items()), found.nextCursor()), uri);
    }

    @GET
    @Path("{poolId}")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration", "hiring_manager"})
    @Operation(operationId = "getPool", summary = "Read a pool with its members")
    public RestResponse<PoolView> get(@PathParam("poolId") UUID poolId) {
        Pool pool = pools.require(poolId);
        return Responses.withEtag(pools.view(pool), pool.getVersion());
    }

    @PUT
    @Path("{poolId}")
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "updatePool", summary = "Replace a pool's name, description and members (If-Match required)")
    public RestResponse<PoolView> update(@PathParam("poolId") UUID poolId,
                                         @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read", example = "\"0\"") String ifMatch,
                                         @Valid @NotNull PoolRequest request) {
        Pool pool = pools.update(poolId, Versions.requireIfMatch(ifMatch), request);
        return Responses.withEtag(pools.view(pool), pool.getVersion());
    }
}
