package dev.secondround.scheduling.planning;

import dev.secondround.scheduling.application.ApplicationCheck;
import dev.secondround.scheduling.planning.LoopPlanApi.LoopPlanRequest;
import dev.secondround.scheduling.planning.LoopPlanApi.LoopPlanView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/loop-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Loop planning", description = "Ranked options for a second-round loop from real availability; nothing is booked")
public class LoopPlanResource {

    private final LoopPlanningService planning;
    private final ApplicationCheck applications;

    public LoopPlanResource(LoopPlanningService planning, ApplicationCheck applications) {
        this.planning = planning;
        this.applications = applications;
    }

    /** A query with a body, so POST; it changes nothing and may be repeated freely. */
    @POST
    @RolesAllowed({"coordinator", "recruiter", "tenant_admin", "integration"})
    @Operation(operationId = "planLoop",
            summary = "The best options for a loop (ranked timetables with people and rooms), or what blocks")
    public LoopPlanView plan(@Valid @NotNull LoopPlanRequest request) {
        // Asked live, before any transaction here: the application must exist for this caller and be in the round.
        var application = applications.requireInRound(request.applicationId(), request.round());
        return planning.plan(request, LoopPlanApi.ApplicationView.of(application));
    }
}
