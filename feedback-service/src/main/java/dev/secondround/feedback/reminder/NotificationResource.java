package dev.secondround.feedback.reminder;

import dev.secondround.feedback.reminder.NotificationApi.NotificationView;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.paging.PageResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/feedback-requests/{requestId}/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback status")
public class NotificationResource {

    private final NotificationService notifications;

    public NotificationResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    @RolesAllowed({"coordinator", "recruiter", "hiring_manager", "interviewer", "tenant_admin", "integration"})
    @Operation(operationId = "listFeedbackRequestNotifications",
            summary = "Reminders and escalations of a feedback request: to whom, when, and whether the mail was delivered",
            description = "Whoever may read the request: its participant, the job's hiring manager, coordinators, recruiters, "
                    + "tenant admins and integrations.")
    public RestResponse<Page<NotificationView>> list(@PathParam("requestId") UUID requestId, @Valid @BeanParam PageParams page,
                                                     @Context UriInfo uri) {
        return PageResponses.ok(notifications.list(requestId, page), uri);
    }
}
