package dev.secondround.scheduling.testsupport;

import dev.secondround.testing.EndpointMatrix;
import dev.secondround.testing.EndpointMatrix.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every scheduling-service operation and who may call it; checked against OpenAPI by DirectoryOpenApiTest. */
public final class Endpoints {

    public static final Set<String> SCHEDULERS = Set.of("coordinator", "recruiter", "tenant_admin", "integration");
    public static final Set<String> READERS = Set.of("coordinator", "recruiter", "tenant_admin", "integration", "hiring_manager");
    public static final Set<String> SCHEDULERS_AND_SELF = Set.of("coordinator", "recruiter", "tenant_admin", "integration", "interviewer");

    private Endpoints() {
    }

    public static final List<Endpoint> ALL = List.of(
            new Endpoint("POST", "/v1/interviewers", SCHEDULERS, false),
            new Endpoint("GET", "/v1/interviewers", READERS, false),
            new Endpoint("GET", "/v1/interviewers/me", Set.of("coordinator", "recruiter", "tenant_admin", "hiring_manager", "interviewer"), false),
            new Endpoint("GET", "/v1/interviewers/me/sessions", Set.of("coordinator", "recruiter", "tenant_admin", "hiring_manager", "interviewer"), false),
            new Endpoint("GET", "/v1/interviewers/{interviewerId}", Set.of("coordinator", "recruiter", "tenant_admin", "integration", "hiring_manager", "interviewer"), false),
            new Endpoint("PUT", "/v1/interviewers/{interviewerId}", SCHEDULERS, true),
            new Endpoint("POST", "/v1/interviewers/{interviewerId}/busy-blocks", SCHEDULERS_AND_SELF, false),
            new Endpoint("GET", "/v1/interviewers/{interviewerId}/busy-blocks", SCHEDULERS_AND_SELF, false),
            new Endpoint("DELETE", "/v1/interviewers/{interviewerId}/busy-blocks/{busyBlockId}", SCHEDULERS_AND_SELF, false),
            new Endpoint("POST", "/v1/interviewers/{interviewerId}/busy-blocks/import", SCHEDULERS_AND_SELF, false, "text/calendar"),
            new Endpoint("POST", "/v1/pools", SCHEDULERS, false),
            new Endpoint("GET", "/v1/pools", READERS, false),
            new Endpoint("GET", "/v1/pools/{poolId}", READERS, false),
            new Endpoint("PUT", "/v1/pools/{poolId}", SCHEDULERS, true),
            new Endpoint("POST", "/v1/rooms", SCHEDULERS, false),
            new Endpoint("GET", "/v1/rooms", READERS, false),
            new Endpoint("GET", "/v1/rooms/{roomId}", READERS, false),
            new Endpoint("PUT", "/v1/rooms/{roomId}", SCHEDULERS, true),
            new Endpoint("POST", "/v1/loop-plans", SCHEDULERS, false),
            new Endpoint("POST", "/v1/loops", SCHEDULERS, false),
            new Endpoint("POST", "/v1/loops/{loopId}/booking", SCHEDULERS, true),
            new Endpoint("GET", "/v1/loops", SCHEDULERS, false),
            new Endpoint("GET", "/v1/loops/{loopId}", SCHEDULERS, false),
            new Endpoint("GET", "/v1/loops/{loopId}/itinerary", SCHEDULERS, false),
            new Endpoint("GET", "/v1/loops/{loopId}/itinerary.html", SCHEDULERS, false),
            new Endpoint("GET", "/v1/loops/{loopId}/invites/candidate.ics", SCHEDULERS, false),
            new Endpoint("GET", "/v1/loops/{loopId}/invites/{interviewerId}.ics", SCHEDULERS, false),
            new Endpoint("POST", "/v1/loops/{loopId}/replacements", SCHEDULERS, true),
            new Endpoint("POST", "/v1/loops/{loopId}/session-moves", SCHEDULERS, true),
            new Endpoint("GET", "/v1/loops/{loopId}/changes", SCHEDULERS, false),
            new Endpoint("POST", "/v1/loops/{loopId}/cancel", SCHEDULERS, true),
            new Endpoint("GET", "/v1/me", Set.copyOf(EndpointMatrix.ALL_ROLES), false));

    /** Valid bodies; the interviewer PUT keeps the link to the signed-in test user. */
    public static Object body(Endpoint endpoint, String tenant, Map<String, String> ids) {
        return switch (endpoint.toString()) {
            case "POST /v1/interviewers" -> Directory.interviewerBody(null, tenant);
            case "PUT /v1/interviewers/{interviewerId}" -> Directory.interviewerBody(Directory.LINKED_INTERVIEWER, tenant);
            case "POST /v1/interviewers/{interviewerId}/busy-blocks" -> Directory.busyBlockBody();
            case "POST /v1/interviewers/{interviewerId}/busy-blocks/import" -> Directory.ics();
            case "POST /v1/pools", "PUT /v1/pools/{poolId}" -> Directory.poolBody(ids.get("interviewerId"));
            case "POST /v1/rooms", "PUT /v1/rooms/{roomId}" -> Directory.roomBody();
            case "POST /v1/loops" -> Directory.loopBooking(tenant, ids.get("interviewerId"));
            case "POST /v1/loops/{loopId}/booking" -> Map.of("option", Directory.loopBooking(tenant, ids.get("interviewerId")).get("option"));
            case "POST /v1/loops/{loopId}/cancel" -> Map.of("reason", "Candidate accepted another offer");
            case "POST /v1/loops/{loopId}/replacements" -> Map.of("interviewerId", ids.get("interviewerId"), "reason", "Illness");
            case "POST /v1/loops/{loopId}/session-moves" -> Map.of("interviewerId", ids.get("interviewerId"), "reason", "Board meeting");
            case "POST /v1/loop-plans" -> Map.of("applicationId", ids.get("applicationId"), "timeZone", "Europe/Berlin", "firstDay", "2026-12-01", "lastDay", "2026-12-01",
                    "candidateAvailability", List.of(Map.of("start", "2026-12-01T08:00:00Z", "end", "2026-12-01T16:00:00Z")),
                    "sessions", List.of(Map.of("id", "chat", "kind", "INTERVIEW", "durationMinutes", 30,
                            "interviewerIds", List.of(ids.get("interviewerId")), "room", "VIDEO")));
            default -> null;
        };
    }
}
