package dev.secondround.feedback.policy;

import dev.secondround.feedback.policy.PolicyApi.PolicyRequest;
import dev.secondround.feedback.policy.PolicyApi.PolicyView;
import dev.secondround.platform.api.Responses;
import dev.secondround.platform.concurrency.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/feedback-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback policy", description = "The tenant's anti-anchoring rule, due times, reminders and escalation")
public class PolicyResource {

    private final PolicyService policies;

    public PolicyResource(PolicyService policies) {
        this.policies = policies;
    }

    @GET
    @RolesAllowed({"recruiter", "coordinator", "hiring_manager", "interviewer", "tenant_admin", "integration"})
    @Operation(operationId = "getFeedbackPolicy", summary = "Read the tenant's feedback policy (everyone may: it says what they will see)")
    public RestResponse<PolicyView> get() {
        FeedbackPolicy policy = policies.current();
        return Responses.withEtag(PolicyView.of(policy), PolicyService.etagVersion(policy));
    }

    @PUT
    @RolesAllowed({"tenant_admin"})
    @Operation(operationId = "updateFeedbackPolicy", summary = "Change the tenant's feedback policy (tenant admins; If-Match required)")
    public RestResponse<PolicyView> update(
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of your last read", example = "\"-1\"") String ifMatch,
            @Valid @NotNull PolicyRequest request) {
        FeedbackPolicy policy = policies.update(Versions.requireIfMatch(ifMatch), request);
        return Responses.withEtag(PolicyView.of(policy), PolicyService.etagVersion(policy));
    }
}
