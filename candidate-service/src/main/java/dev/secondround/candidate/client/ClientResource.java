package dev.secondround.candidate.client;

import dev.secondround.candidate.client.ClientApi.ClientRequest;
import dev.secondround.candidate.client.ClientApi.ClientView;
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

@Path("/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "The employers an agency recruits for")
public class ClientResource {

    private final ClientService clients;
    private final IdempotentCreates idempotency;

    public ClientResource(ClientService clients, IdempotentCreates idempotency) {
        this.clients = clients;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @APIResponseSchema(value = ClientView.class, responseCode = "201", responseDescription = "Created; Location names it, ETag carries its version")
    @Operation(operationId = "createClient", summary = "Add a client (employer)")
    public Response create(@Valid @NotNull ClientRequest request,
                           @HeaderParam(IdempotentCreates.HEADER) @Parameter(description = "Retry-safe create: same key and body, same answer") String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "POST /v1/clients", request, () -> {
            Client client = clients.create(request);
            return Responses.created(uri, client.getId(), client.getVersion(), ClientView.of(client));
        });
    }

    @GET
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @Operation(operationId = "listClients", summary = "List clients, optionally by name")
    public RestResponse<Page<ClientView>> list(@QueryParam("name") @Size(max = 200) @Parameter(description = "Part of the client's name", example = "helix") String name,
                         @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(clients.list(name, page).map(ClientView::of), uri);
    }

    @GET
    @Path("{clientId}")
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @Operation(operationId = "getClient", summary = "Read a client")
    public RestResponse<ClientView> get(@PathParam("clientId") UUID clientId) {
        Client client = clients.require(clientId);
        return Responses.withEtag(ClientView.of(client), client.getVersion());
    }

    @PUT
    @Path("{clientId}")
    @RolesAllowed({"recruiter", "coordinator", "tenant_admin", "integration"})
    @Operation(operationId = "updateClient", summary = "Replace a client's details (If-Match required)")
    public RestResponse<ClientView> update(@PathParam("clientId") UUID clientId,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read", example = "\"0\"") String ifMatch,
                           @Valid @NotNull ClientRequest request) {
        Client client = clients.update(clientId, Versions.requireIfMatch(ifMatch), request);
        return Responses.withEtag(ClientView.of(client), client.getVersion());
    }
}
