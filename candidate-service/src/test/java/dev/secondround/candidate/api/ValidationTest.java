package dev.secondround.candidate.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Pipeline;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input: a 400/422 problem+json that names the field, and nothing written. */
@QuarkusTest
class ValidationTest {

    private static final String VALIDATION = "https://secondround.dev/problems/validation";

    @Test
    void missingAndInvalidFieldsAreAllNamed() {
        String lastName = "Nobody-" + Pipeline.unique();
        problem(Api.recruiter(Api.A).body(Map.of("lastName", lastName, "email", "not-an-email", "source", "REFERRAL"))
                .post("/v1/candidates").then(), 400)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItems("firstName", "email"));
        assertNoCandidateNamed(lastName);
    }

    @Test
    void oversizedFieldsAreRefused() {
        Map<String, Object> body = candidate();
        body.put("firstName", "x".repeat(101));
        problem(Api.recruiter(Api.A).body(body).post("/v1/candidates").then(), 400)
                .body("errors.field", hasItem("firstName"))
                .body("errors.message", hasItem(containsString("size")));
        assertNoCandidateNamed((String) body.get("lastName"));
    }

    @Test
    void serverOwnedFieldsInTheBodyAreRefusedByName() {
        for (String field : List.of("id", "tenantId", "version", "createdAt", "updatedAt")) {
            Map<String, Object> body = candidate();
            body.put(field, field.equals("version") ? 7 : "3f2c8a9e-6b1d-4c7e-9f10-2a5b7c9d1e42");
            problem(Api.recruiter(Api.A).body(body).post("/v1/candidates").then(), 400)
                    .body("errors.field", hasItem(field));
            assertNoCandidateNamed((String) body.get("lastName"));
        }
        String candidateId = Pipeline.createCandidate(Api.A);
        String jobId = Pipeline.createJob(Api.A);
        for (String field : List.of("stage", "currentRound", "stageHistory")) {
            Map<String, Object> body = new HashMap<>(Map.of("candidateId", candidateId, "jobId", jobId));
            body.put(field, field.equals("stageHistory") ? List.of(Map.of("to", "HIRED")) : field.equals("stage") ? "HIRED" : 3);
            problem(Api.recruiter(Api.A).body(body).post("/v1/applications").then(), 400).body("errors.field", hasItem(field));
        }
        Api.recruiter(Api.A).queryParam("candidateId", candidateId).get("/v1/applications").then().body("items", empty());
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() {
        problem(Api.recruiter(Api.A).body("{\"firstName\": \"Dana\", ").post("/v1/candidates").then(), 400)
                .body("type", equalTo("https://secondround.dev/problems/malformed-request"))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("jackson")));
    }

    @Test
    void wrongTypesAndUnknownEnumValuesNameTheField() {
        Map<String, Object> body = candidate();
        body.put("source", "CARRIER_PIGEON");
        problem(Api.recruiter(Api.A).body(body).post("/v1/candidates").then(), 400)
                .body("errors.field", hasItem("source")).body("detail", containsString("REFERRAL"));
        body = candidate();
        body.put("tags", "java");
        problem(Api.recruiter(Api.A).body(body).post("/v1/candidates").then(), 400).body("errors.field", hasItem("tags"));
    }

    @Test
    void noLenientGuessesNumbersAreNotEnumsOrTextAndListsHoldNoNulls() {
        Map<String, Object> body = candidate();
        body.put("source", 0);
        problem(Api.recruiter(Api.A).body(body).post("/v1/candidates").then(), 400).body("errors.field", hasItem("source"));
        body = candidate();
        body.put("firstName", 42);
        problem(Api.recruiter(Api.A).body(body).post("/v1/candidates").then(), 400).body("errors.field", hasItem("firstName"));
        assertNoCandidateNamed((String) body.get("lastName"));

        Map<String, Object> client = new HashMap<>(Pipeline.clientBody());
        client.put("contacts", java.util.Arrays.asList((Object) null));
        problem(Api.recruiter(Api.A).body(client).post("/v1/clients").then(), 400).body("errors.field", hasItem("contacts[0]"));
        client = new HashMap<>(Pipeline.clientBody());
        client.put("website", "javascript:alert(1)");
        problem(Api.recruiter(Api.A).body(client).post("/v1/clients").then(), 400).body("errors.field", hasItem("website"));

        String applicationId = Pipeline.createApplication(Api.A);
        problem(Api.recruiter(Api.A).header("If-Match", etag(applicationId)).body(Map.of("to", 7))
                .post("/v1/applications/" + applicationId + "/stage-changes").then(), 400).body("errors.field", hasItem("to"));
        Api.recruiter(Api.A).get("/v1/applications/" + applicationId).then().body("stage", equalTo("APPLIED"));
    }

    @Test
    void unparseableQueryParametersAre400NamingTheParameter() {
        problem(Api.recruiter(Api.A).queryParam("stage", "FOO").get("/v1/applications").then(), 400)
                .body("errors.field", hasItem("stage")).body("detail", containsString("FINALIST"));
        problem(Api.recruiter(Api.A).queryParam("jobId", "x").get("/v1/applications").then(), 400)
                .body("errors.field", hasItem("jobId"));
        problem(Api.recruiter(Api.A).queryParam("limit", "abc").get("/v1/candidates").then(), 400)
                .body("errors.field", hasItem("limit"));
        problem(Api.recruiter(Api.A).queryParam("status", "open-ish").get("/v1/jobs").then(), 400)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void pageSizeOverTheMaximumAndForeignCursorsAreRefused() {
        problem(Api.recruiter(Api.A).queryParam("limit", 101).get("/v1/candidates").then(), 400)
                .body("errors.field", hasItem("limit"));
        problem(Api.recruiter(Api.A).queryParam("limit", 0).get("/v1/candidates").then(), 400)
                .body("errors.field", hasItem("limit"));
        problem(Api.recruiter(Api.A).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/v1/candidates").then(), 400)
                .body("errors.field", hasItem("cursor"));
        for (String forged : List.of("1|99999999999999999|0|3f2c8a9e-6b1d-4c7e-9f10-2a5b7c9d1e42",
                "1|-62000000000|0|3f2c8a9e-6b1d-4c7e-9f10-2a5b7c9d1e42")) {
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes());
            problem(Api.recruiter(Api.A).queryParam("cursor", cursor).get("/v1/candidates").then(), 400)
                    .body("errors.field", hasItem("cursor"));
        }
        problem(Api.recruiter(Api.A).queryParam("updatedSince", "yesterday").get("/v1/candidates").then(), 400)
                .body("errors.field", hasItem("updatedSince"));
    }

    @Test
    void interviewPlansNeedTwoToSixRoundsNumberedInOrder() {
        String clientId = Pipeline.createClient(Api.A);
        Map<String, Object> job = new HashMap<>(Pipeline.jobBody(Api.A, clientId));
        job.put("interviewPlan", List.of(Map.of("number", 1, "name", "Only round", "kind", "FINAL")));
        problem(Api.recruiter(Api.A).body(job).post("/v1/jobs").then(), 400).body("errors.field", hasItem("interviewPlan"));
        job.put("interviewPlan", List.of(Map.of("number", 1, "name", "One", "kind", "FINAL"), Map.of("number", 3, "name", "Three", "kind", "FINAL")));
        problem(Api.recruiter(Api.A).body(job).post("/v1/jobs").then(), 400).body("errors.field", hasItem("interviewPlan[1].number"));
        Api.recruiter(Api.A).queryParam("clientId", clientId).get("/v1/jobs").then().statusCode(200).body("items", empty());
    }

    @Test
    void forbiddenStageTransitionsAre422AndLeaveTheStage() {
        String applicationId = Pipeline.createApplication(Api.A);
        String etag = etag(applicationId);
        problem(Api.recruiter(Api.A).header("If-Match", etag).body(Map.of("to", "HIRED"))
                .post("/v1/applications/" + applicationId + "/stage-changes").then(), 422)
                .body("errors.field", hasItem("to")).body("detail", containsString("APPLIED"));
        problem(Api.recruiter(Api.A).header("If-Match", etag).body(Map.of("to", "ROUND", "round", 2))
                .post("/v1/applications/" + applicationId + "/stage-changes").then(), 422)
                .body("detail", containsString("ROUND 1"));
        problem(Api.recruiter(Api.A).header("If-Match", etag).body(Map.of("to", "ROUND"))
                .post("/v1/applications/" + applicationId + "/stage-changes").then(), 422)
                .body("errors.field", hasItem("round"));
        Api.recruiter(Api.A).get("/v1/applications/" + applicationId).then().body("stage", equalTo("APPLIED"))
                .header("ETag", equalTo(etag));
        Api.recruiter(Api.A).get("/v1/applications/" + applicationId + "/stage-changes").then()
                .body("items.size()", equalTo(1));
    }

    @Test
    void unsupportedMediaTypeUnknownPathAndOversizedBodyAreProblems() {
        problem(Api.recruiter(Api.A).contentType("text/plain").body("Dana").post("/v1/candidates").then(), 415);
        problem(Api.recruiter(Api.A).get("/v1/nothing-here").then(), 404);
        problem(Api.recruiter(Api.A).get("/v1/candidates/not-a-uuid").then(), 404);
        problem(Api.recruiter(Api.A).delete("/v1/candidates/" + Pipeline.createCandidate(Api.A)).then(), 405);
        problem(Api.recruiter(Api.A).accept("application/xml").get("/v1/candidates").then(), 406);
        Map<String, Object> body = candidate();
        body.put("firstName", "x".repeat(600 * 1024));
        problem(Api.recruiter(Api.A).body(body).post("/v1/candidates").then(), 413)
                .body("type", equalTo("https://secondround.dev/problems/payload-too-large"));
        assertNoCandidateNamed((String) body.get("lastName"));
    }

    private static String etag(String applicationId) {
        return Api.recruiter(Api.A).get("/v1/applications/" + applicationId).then().extract().header("ETag");
    }

    private static Map<String, Object> candidate() {
        Map<String, Object> body = new HashMap<>(Pipeline.candidateBody());
        body.put("lastName", "Validation-" + Pipeline.unique());
        return body;
    }

    private static void assertNoCandidateNamed(String lastName) {
        Api.recruiter(Api.A).queryParam("q", lastName).get("/v1/candidates").then().statusCode(200).body("items", empty());
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("title", not(equalTo(null)))
                .body(not(containsString("at dev.secondround")))
                .body(not(containsString("org.hibernate")))
                .body(not(containsString("SQL")));
    }
}
