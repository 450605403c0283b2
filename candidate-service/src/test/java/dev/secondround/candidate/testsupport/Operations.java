package dev.secondround.candidate.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of the candidate service with who may call it. The security tests walk this
 * table, and {@code OpenApiContractTest} checks it against the OpenAPI document, so a new
 * endpoint cannot slip in without a 401, 403 and cross-tenant test.
 */
public final class Operations {

    public static final Set<String> WRITERS = Set.of("recruiter", "coordinator", "tenant_admin", "integration");
    public static final Set<String> WRITERS_AND_HIRING_MANAGER =
            Set.of("recruiter", "coordinator", "tenant_admin", "integration", "hiring_manager");
    public static final List<String> ALL_ROLES =
            List.of("recruiter", "coordinator", "hiring_manager", "interviewer", "tenant_admin", "integration");

    private Operations() {
    }

    /** An operation with {id} placeholders: client, job, candidate, application, debrief, follow-up. */
    public record Operation(String method, String path, Set<String> allowedRoles, boolean needsIfMatch) {

        public String resolve(Ids ids) {
            return path.replace("{clientId}", ids.clientId())
                    .replace("{jobId}", ids.jobId())
                    .replace("{candidateId}", ids.candidateId())
                    .replace("{applicationId}", ids.applicationId())
                    .replace("{debriefId}", ids.debriefId())
                    .replace("{followUpId}", ids.followUpId());
        }

        public boolean hasPathId() {
            return path.contains("{");
        }

        /** A valid body for this operation in the tenant that owns {@code ids}. */
        public Object body(String tenant, Ids ids) {
            return switch (method + " " + path) {
                case "POST /v1/clients", "PUT /v1/clients/{clientId}" -> Pipeline.clientBody();
                case "POST /v1/jobs", "PUT /v1/jobs/{jobId}" -> Pipeline.jobBody(tenant, ids.clientId());
                case "POST /v1/candidates", "PUT /v1/candidates/{candidateId}" -> Pipeline.candidateBody();
                case "POST /v1/applications" -> Map.of("candidateId", ids.candidateId(), "jobId", ids.jobId());
                case "POST /v1/applications/{applicationId}/stage-changes" -> Map.of("to", "SCREENING");
                case "POST /v1/applications/{applicationId}/debriefs", "PUT /v1/applications/{applicationId}/debriefs/{debriefId}" ->
                        Map.of("round", 1, "wentWell", "Good", "visibility", "INTERNAL");
                case "POST /v1/applications/{applicationId}/follow-ups" ->
                        Map.of("round", 1, "interviewerName", "Ana", "kind", "THANK_YOU_NOTE", "sentOn", "2026-11-20");
                default -> null;
            };
        }
    }

    /** Ids of one tenant's objects, created through the API. */
    public record Ids(String clientId, String jobId, String candidateId, String applicationId, String debriefId,
                      String followUpId) {

        public static Ids create(String tenant) {
            String clientId = Pipeline.createClient(tenant);
            String jobId = Pipeline.created(Api.recruiter(tenant).body(Pipeline.jobBody(tenant, clientId)).post("/v1/jobs"));
            String candidateId = Pipeline.createCandidate(tenant);
            String applicationId = Pipeline.createApplication(tenant, candidateId, jobId);
            String debriefId = Pipeline.createDebrief(tenant, applicationId, "SHARED_WITH_HIRING_MANAGER");
            String followUpId = Pipeline.createFollowUp(tenant, applicationId);
            return new Ids(clientId, jobId, candidateId, applicationId, debriefId, followUpId);
        }

        public static Ids random() {
            return new Ids(uuid(), uuid(), uuid(), uuid(), uuid(), uuid());
        }

        private static String uuid() {
            return java.util.UUID.randomUUID().toString();
        }
    }

    public static final List<Operation> ALL = List.of(
            new Operation("POST", "/v1/clients", WRITERS, false),
            new Operation("GET", "/v1/clients", WRITERS, false),
            new Operation("GET", "/v1/clients/{clientId}", WRITERS, false),
            new Operation("PUT", "/v1/clients/{clientId}", WRITERS, true),
            new Operation("POST", "/v1/jobs", WRITERS, false),
            new Operation("GET", "/v1/jobs", WRITERS_AND_HIRING_MANAGER, false),
            new Operation("GET", "/v1/jobs/{jobId}", WRITERS_AND_HIRING_MANAGER, false),
            new Operation("PUT", "/v1/jobs/{jobId}", WRITERS, true),
            new Operation("POST", "/v1/candidates", WRITERS, false),
            new Operation("GET", "/v1/candidates", WRITERS, false),
            new Operation("GET", "/v1/candidates/{candidateId}", WRITERS, false),
            new Operation("PUT", "/v1/candidates/{candidateId}", WRITERS, true),
            new Operation("POST", "/v1/applications", WRITERS, false),
            new Operation("GET", "/v1/applications", WRITERS_AND_HIRING_MANAGER, false),
            new Operation("GET", "/v1/applications/{applicationId}", WRITERS_AND_HIRING_MANAGER, false),
            new Operation("POST", "/v1/applications/{applicationId}/stage-changes", WRITERS, true),
            new Operation("GET", "/v1/applications/{applicationId}/stage-changes", WRITERS_AND_HIRING_MANAGER, false),
            new Operation("POST", "/v1/applications/{applicationId}/debriefs", WRITERS, false),
            new Operation("GET", "/v1/applications/{applicationId}/debriefs", WRITERS_AND_HIRING_MANAGER, false),
            new Operation("GET", "/v1/applications/{applicationId}/debriefs/{debriefId}", WRITERS_AND_HIRING_MANAGER, false),
            new Operation("PUT", "/v1/applications/{applicationId}/debriefs/{debriefId}", WRITERS, true),
            new Operation("POST", "/v1/applications/{applicationId}/follow-ups", WRITERS, false),
            new Operation("GET", "/v1/applications/{applicationId}/follow-ups", WRITERS, false),
            new Operation("GET", "/v1/applications/{applicationId}/follow-ups/{followUpId}", WRITERS, false),
            new Operation("GET", "/v1/me", Set.copyOf(ALL_ROLES), false));
}
