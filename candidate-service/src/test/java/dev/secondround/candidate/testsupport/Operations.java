package dev.secondround.candidate.testsupport;

import dev.secondround.testing.EndpointMatrix;
import dev.secondround.testing.EndpointMatrix.Endpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of the candidate service with who may call it. The security tests walk this
 * table (see {@link EndpointMatrix}), and {@code OpenApiContractTest} checks it against the OpenAPI
 * document, so a new endpoint cannot slip in without a 401, 403 and cross-tenant test.
 */
public final class Operations {

    public static final Set<String> WRITERS = Set.of("recruiter", "coordinator", "tenant_admin", "integration");
    public static final Set<String> WRITERS_AND_HIRING_MANAGER =
            Set.of("recruiter", "coordinator", "tenant_admin", "integration", "hiring_manager");

    private Operations() {
    }

    public static final List<Endpoint> ALL = List.of(
            new Endpoint("POST", "/v1/clients", WRITERS, false),
            new Endpoint("GET", "/v1/clients", WRITERS, false),
            new Endpoint("GET", "/v1/clients/{clientId}", WRITERS, false),
            new Endpoint("PUT", "/v1/clients/{clientId}", WRITERS, true),
            new Endpoint("POST", "/v1/jobs", WRITERS, false),
            new Endpoint("GET", "/v1/jobs", WRITERS_AND_HIRING_MANAGER, false),
            new Endpoint("GET", "/v1/jobs/{jobId}", WRITERS_AND_HIRING_MANAGER, false),
            new Endpoint("PUT", "/v1/jobs/{jobId}", WRITERS, true),
            new Endpoint("POST", "/v1/candidates", WRITERS, false),
            new Endpoint("GET", "/v1/candidates", WRITERS, false),
            new Endpoint("GET", "/v1/candidates/{candidateId}", WRITERS, false),
            new Endpoint("PUT", "/v1/candidates/{candidateId}", WRITERS, true),
            new Endpoint("POST", "/v1/applications", WRITERS, false),
            new Endpoint("GET", "/v1/applications", WRITERS_AND_HIRING_MANAGER, false),
            new Endpoint("GET", "/v1/applications/{applicationId}", WRITERS_AND_HIRING_MANAGER, false),
            new Endpoint("POST", "/v1/applications/{applicationId}/stage-changes", WRITERS, true),
            new Endpoint("GET", "/v1/applications/{applicationId}/stage-changes", WRITERS_AND_HIRING_MANAGER, false),
            new Endpoint("POST", "/v1/applications/{applicationId}/debriefs", WRITERS, false),
            new Endpoint("GET", "/v1/applications/{applicationId}/debriefs", WRITERS_AND_HIRING_MANAGER, false),
            new Endpoint("GET", "/v1/applications/{applicationId}/debriefs/{debriefId}", WRITERS_AND_HIRING_MANAGER, false),
            new Endpoint("PUT", "/v1/applications/{applicationId}/debriefs/{debriefId}", WRITERS, true),
            new Endpoint("POST", "/v1/applications/{applicationId}/follow-ups", WRITERS, false),
            new Endpoint("GET", "/v1/applications/{applicationId}/follow-ups", WRITERS, false),
            new Endpoint("GET", "/v1/applications/{applicationId}/follow-ups/{followUpId}", WRITERS, false),
            new Endpoint("GET", "/v1/me", Set.copyOf(EndpointMatrix.ALL_ROLES), false));

    /** Ids of one tenant's objects, created through the API; keys match the path placeholders. */
    public static Map<String, String> createIds(String tenant) {
        Map<String, String> ids = new HashMap<>();
        ids.put("clientId", Pipeline.createClient(tenant));
        ids.put("jobId", Pipeline.created(Api.recruiter(tenant).body(Pipeline.jobBody(tenant, ids.get("clientId"))).post("/v1/jobs")));
        ids.put("candidateId", Pipeline.createCandidate(tenant));
        ids.put("applicationId", Pipeline.createApplication(tenant, ids.get("candidateId"), ids.get("jobId")));
        ids.put("debriefId", Pipeline.createDebrief(tenant, ids.get("applicationId"), "SHARED_WITH_HIRING_MANAGER"));
        ids.put("followUpId", Pipeline.createFollowUp(tenant, ids.get("applicationId")));
        return Map.copyOf(ids);
    }

    /** A valid body for an operation in the tenant that owns {@code ids}. */
    public static Object body(Endpoint endpoint, String tenant, Map<String, String> ids) {
        return switch (endpoint.toString()) {
            case "POST /v1/clients", "PUT /v1/clients/{clientId}" -> Pipeline.clientBody();
            case "POST /v1/jobs", "PUT /v1/jobs/{jobId}" -> Pipeline.jobBody(tenant, ids.get("clientId"));
            case "POST /v1/candidates", "PUT /v1/candidates/{candidateId}" -> Pipeline.candidateBody();
            case "POST /v1/applications" -> Map.of("candidateId", ids.get("candidateId"), "jobId", ids.get("jobId"));
            case "POST /v1/applications/{applicationId}/stage-changes" -> Map.of("to", "SCREENING");
            case "POST /v1/applications/{applicationId}/debriefs", "PUT /v1/applications/{applicationId}/debriefs/{debriefId}" ->
                    Map.of("round", 1, "wentWell", "Good", "visibility", "INTERNAL");
            case "POST /v1/applications/{applicationId}/follow-ups" ->
                    Map.of("round", 1, "interviewerName", "Ana", "kind", "THANK_YOU_NOTE", "sentOn", "2026-11-20");
            default -> null;
        };
    }
}
