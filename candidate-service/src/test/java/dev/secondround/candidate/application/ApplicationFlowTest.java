package dev.secondround.candidate.application;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Pipeline;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pipeline as recruiters and hiring managers live it. */
@QuarkusTest
class ApplicationFlowTest {

    @Test
    void anApplicationMovesThroughItsRoundsWithAFullHistory() {
        String applicationId = Pipeline.createApplication(Api.A);
        move(applicationId, Map.of("to", "SCREENING", "reason", "CV matches"));
        move(applicationId, Map.of("to", "ROUND", "round", 1));
        move(applicationId, Map.of("to", "ROUND", "round", 2, "reason", "Strong first round"));
        Api.recruiter(Api.A).get("/v1/applications/" + applicationId).then().statusCode(200)
                .body("stage", equalTo("ROUND")).body("currentRound", equalTo(2))
                .body("currentRoundName", equalTo("Second round: onsite loop"))
                .body("candidate.lastName", equalTo("Okonkwo-Lindqvist"))
                .body("job.roundsInPlan", equalTo(3));
        move(applicationId, Map.of("to", "FINALIST"));
        move(applicationId, Map.of("to", "OFFER", "reason", "Panel unanimous"));
        move(applicationId, Map.of("to", "HIRED"));
        Api.recruiter(Api.A).get("/v1/applications/" + applicationId + "/stage-changes").then().statusCode(200)
                .body("items.toStage", contains("APPLIED", "SCREENING", "ROUND", "ROUND", "FINALIST", "OFFER", "HIRED"))
                .body("items.toRound", contains(null, null, 1, 2, null, null, null))
                .body("items[3].fromRound", equalTo(1))
                .body("items[3].reason", equalTo("Strong first round"))
                .body("items[3].changedByName", equalTo("recruiter"))
                .body("items[3].changedBy", equalTo(Api.subjectOf(Api.A, "recruiter")));
        String etag = Api.recruiter(Api.A).get("/v1/applications/" + applicationId).then().extract().header("ETag");
        Api.recruiter(Api.A).header("If-Match", etag).body(Map.of("to", "REJECTED"))
                .post("/v1/applications/" + applicationId + "/stage-changes").then().statusCode(422);
    }

    @Test
    void oneApplicationPerCandidateAndJobAndOnlyForOpenJobs() {
        String candidateId = Pipeline.createCandidate(Api.A);
        String jobId = Pipeline.createJob(Api.A);
        Pipeline.createApplication(Api.A, candidateId, jobId);
        Api.recruiter(Api.A).body(Map.of("candidateId", candidateId, "jobId", jobId)).post("/v1/applications")
                .then().statusCode(409);

        var job = Api.recruiter(Api.A).get("/v1/jobs/" + jobId);
        Map<String, Object> body = new HashMap<>(job.jsonPath().getMap(""));
        for (String serverOwned : List.of("id", "createdAt", "updatedAt", "version")) {
            body.remove(serverOwned);
        }
        body.put("status", "ON_HOLD");
        Api.recruiter(Api.A).header("If-Match", job.header("ETag")).body(body).put("/v1/jobs/" + jobId).then().statusCode(200)
                .body("status", equalTo("ON_HOLD"));
        Api.recruiter(Api.A).body(Map.of("candidateId", Pipeline.createCandidate(Api.A), "jobId", jobId)).post("/v1/applications")
                .then().statusCode(409).body("detail", equalTo("the job is ON_HOLD; only OPEN jobs take applications"));
    }

    @Test
    void candidateEmailsAreUniquePerTenantWhateverTheCase() {
        Map<String, Object> body = new HashMap<>(Pipeline.candidateBody());
        Pipeline.created(Api.recruiter(Api.A).body(body).post("/v1/candidates"));
        body.put("email", ((String) body.get("email")).toUpperCase());
        Api.recruiter(Api.A).body(body).post("/v1/candidates").then().statusCode(409);
        // The same person may be represented by another agency.
        Api.recruiter(Api.B).body(body).post("/v1/candidates").then().statusCode(201);
    }

    @Test
    void hiringManagersSeeOnlyTheJobsTheyManage() {
        String applicationId = Pipeline.createApplication(Api.A);
        String jobId = Api.recruiter(Api.A).get("/v1/applications/" + applicationId).jsonPath().getString("job.id");
        // A job somebody else manages must not appear in siobhan's list.
        String clientId = Api.recruiter(Api.A).get("/v1/jobs/" + jobId).jsonPath().getString("clientId");
        Map<String, Object> otherJob = new HashMap<>(Pipeline.jobBody(Api.A, clientId));
        otherJob.put("hiringManager", Map.of("subject", Api.subjectOf(Api.A, "aoife"), "name", "Aoife Ó Súilleabháin"));
        String aoifesJob = Pipeline.created(Api.recruiter(Api.A).body(otherJob).post("/v1/jobs"));
        var manager = Api.hiringManager(Api.A, Pipeline.HIRING_MANAGER);
        manager.get("/v1/jobs/" + jobId).then().statusCode(200);
        Api.hiringManager(Api.A, Pipeline.HIRING_MANAGER).get("/v1/applications/" + applicationId).then().statusCode(200);
        var managed = Api.hiringManager(Api.A, Pipeline.HIRING_MANAGER).queryParam("clientId", clientId)
                .get("/v1/jobs").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertTrue(managed.getList("items.id").contains(jobId));
        org.junit.jupiter.api.Assertions.assertFalse(managed.getList("items.id").contains(aoifesJob), "another manager's job");
        Api.hiringManager(Api.A, Pipeline.HIRING_MANAGER).get("/v1/jobs/" + aoifesJob).then().statusCode(404);

        var otherManager = Api.hiringManager(Api.A, "aoife");
        otherManager.get("/v1/jobs/" + jobId).then().statusCode(404);
        Api.hiringManager(Api.A, "aoife").get("/v1/applications/" + applicationId).then().statusCode(404);
        Api.hiringManager(Api.A, "aoife").get("/v1/applications/" + applicationId + "/stage-changes").then().statusCode(404);
        Api.hiringManager(Api.A, "aoife").get("/v1/jobs").then().statusCode(200).body("items.id", contains(aoifesJob));
        Api.hiringManager(Api.A, "aoife").get("/v1/applications").then().statusCode(200).body("items", empty());
        Api.hiringManager(Api.A, "aoife").get("/v1/candidates").then().statusCode(403);
        Api.interviewer(Api.A).get("/v1/candidates").then().statusCode(403);
    }

    @Test
    void hiringManagersReadSharedDebriefsOnly() {
        String applicationId = Pipeline.createApplication(Api.A);
        String internal = Pipeline.createDebrief(Api.A, applicationId, "INTERNAL");
        String shared = Pipeline.createDebrief(Api.A, applicationId, "SHARED_WITH_HIRING_MANAGER");
        Api.recruiter(Api.A).get("/v1/applications/" + applicationId + "/debriefs").then().statusCode(200)
                .body("items.id", contains(internal, shared));
        Api.hiringManager(Api.A, Pipeline.HIRING_MANAGER).get("/v1/applications/" + applicationId + "/debriefs").then()
                .statusCode(200).body("items.id", contains(shared));
        Api.hiringManager(Api.A, Pipeline.HIRING_MANAGER).get("/v1/applications/" + applicationId + "/debriefs/" + internal)
                .then().statusCode(404);
        Api.hiringManager(Api.A, Pipeline.HIRING_MANAGER).get("/v1/applications/" + applicationId + "/debriefs/" + shared)
                .then().statusCode(200).body("emphasiseNextRound", equalTo("On-call ownership story"))
                .body("authorName", equalTo("recruiter"));
    }

    @Test
    void debriefsAndFollowUpsStayWithinTheJobsPlan() {
        String applicationId = Pipeline.createApplication(Api.A);
        Api.recruiter(Api.A).body(Map.of("round", 4, "wentWell", "x", "visibility", "INTERNAL"))
                .post("/v1/applications/" + applicationId + "/debriefs").then().statusCode(422)
                .body("errors[0].field", equalTo("round"));
        Api.recruiter(Api.A).body(Map.of("round", 1, "visibility", "INTERNAL"))
                .post("/v1/applications/" + applicationId + "/debriefs").then().statusCode(400);
        Api.recruiter(Api.A).body(Map.of("round", 1, "interviewerName", "Ana", "kind", "THANK_YOU_NOTE", "sentOn", "2999-01-01"))
                .post("/v1/applications/" + applicationId + "/follow-ups").then().statusCode(400)
                .body("errors[0].field", equalTo("sentOn"));
        String followUp = Pipeline.createFollowUp(Api.A, applicationId);
        Api.recruiter(Api.A).get("/v1/applications/" + applicationId + "/follow-ups").then().statusCode(200)
                .body("items.id", contains(followUp)).body("items[0].interviewerName", equalTo("Joaquín Fernández-Ibarra"))
                .body("items[0].interviewerEmail", nullValue());
    }

    @Test
    void debriefUpdatesKeepTheAuthorAndNeedTheCurrentVersion() {
        String applicationId = Pipeline.createApplication(Api.A);
        String debriefId = Pipeline.createDebrief(Api.A, applicationId, "INTERNAL");
        String path = "/v1/applications/" + applicationId + "/debriefs/" + debriefId;
        String etag = Api.recruiter(Api.A).get(path).then().extract().header("ETag");
        Api.coordinator(Api.A).header("If-Match", etag)
                .body(Map.of("round", 1, "wentWell", "Edited", "visibility", "SHARED_WITH_HIRING_MANAGER"))
                .put(path).then().statusCode(200).body("wentWell", equalTo("Edited")).body("authorName", equalTo("recruiter"));
        Api.coordinator(Api.A).header("If-Match", etag).body(Map.of("round", 1, "wentWell", "Again", "visibility", "INTERNAL"))
                .put(path).then().statusCode(412);
    }

    private static void move(String applicationId, Map<String, Object> body) {
        String etag = Api.recruiter(Api.A).get("/v1/applications/" + applicationId).then().statusCode(200).extract().header("ETag");
        Api.recruiter(Api.A).header("If-Match", etag).body(body).post("/v1/applications/" + applicationId + "/stage-changes")
                .then().statusCode(200).body("stage", equalTo(body.get("to")));
    }
}
