package dev.secondround.platform.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every service answers "who does this token make me?": the first call an integrator makes. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity", description = "What the service reads from your access token")
public class WhoAmIResource {

    private final Caller caller;
    private final SecurityIdentity identity;

    public WhoAmIResource(Caller caller, SecurityIdentity identity) {
        this.caller = caller;
        this.identity = identity;
    }

    @GET
    @Authenticated
    @Operation(operationId = "whoAmI", summary = "Your subject, tenant and roles as this service sees them")
    public Me me() {
        return new Me(caller.subject(), caller.displayName(), caller.tenant(), identity.getRoles().stream().sorted().toList());
    }

    @Schema(name = "Me")
    public record Me(
            @Schema(examples = "7c1f2d3e-0a4b-4c5d-8e6f-1a2b3c4d5e6f") String subject,
            @Schema(examples = "Priya Raghunathan") String name,
            @Schema(examples = "ambrion") String tenant,
            @Schema(examples = "[\"recruiter\"]") List<String> roles) {
    }
}
