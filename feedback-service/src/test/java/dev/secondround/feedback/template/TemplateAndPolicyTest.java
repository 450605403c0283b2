package dev.secondround.feedback.template;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondround.feedback.testsupport.Loops;
import dev.secondround.feedback.testsupport.Loops.BookedLoop;
import dev.secondround.testing.Applications;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which template a participant gets, editing templates, and the tenant's anti-anchoring policy. */
@QuarkusTest
class TemplateAndPolicyTest {

    private static final String B = TestTokens.TENANT_B;

    @Test
    void theMostSpecificActiveTemplateIsAskedAndKeptAsItWasWhenAsked() {
        // Its own job, so templates made here do not change what other tests' loops are asked.
        String jobId = Applications.newJob(B, Loops.HIRING_MANAGER);
        String templateId = Loops.recruiter(B).body(Map.of("name", "Platform team: technical round " + jobId, "form", "FULL",
                        "jobId", jobId, "sessionKinds", List.of("TECHNICAL"),
                        "attributes", List.of(Map.of("key", "system_design", "name", "System design", "description", "Designs for failure"),
                                Map.of("key", "communication", "name", "Communication")),
                        "keyQuestions", List.of("Would you want them on call with you?")))
                .post("/v1/scorecard-templates").then().statusCode(201).extract().jsonPath().getString("id");
        BookedLoop loop = Loops.standard(B, Applications.appliedTo(B, jobId), jobId, 2, Instant.now().minus(1, ChronoUnit.DAYS));
        Loops.sync(B, loop.snapshot()).then().statusCode(204);

        Loops.as(B, "tomasz").get("/v1/feedback-requests/" + Loops.requestOf(loop, "tomasz")).then().statusCode(200)
                .body("templateId", equalTo(templateId))
                .body("template.attributes.key", equalTo(List.of("system_design", "communication")))
                .body("template.keyQuestions", equalTo(List.of("Would you want them on call with you?")));
        // The hiring manager's plain interview gets the standard form; the lunch host the light one.
        Loops.as(B, Loops.HIRING_MANAGER).get("/v1/feedback-requests/" + Loops.requestOf(loop, Loops.HIRING_MANAGER)).then()
                .statusCode(200).body("template.name", equalTo("Standard interview scorecard"))
                .body("template.attributes.size()", equalTo(8));
        Loops.as(B, "lunchhost").get("/v1/feedback-requests/" + Loops.requestOf(loop, "lunchhost")).then()
                .statusCode(200).body("form", equalTo("LIGHT")).body("template.name", equalTo("Tour and lunch impressions"));

        // Editing the template later does not change what tomasz was asked.
        String etag = Loops.recruiter(B).get("/v1/scorecard-templates/" + templateId).header("ETag");
        Loops.recruiter(B).header("If-Match", etag).body(Map.of("name", "Platform team: technical round " + jobId, "form", "FULL",
                        "jobId", jobId, "sessionKinds", List.of("TECHNICAL"),
                        "attributes", List.of(Map.of("key", "coding", "name", "Coding"))))
                .put("/v1/scorecard-templates/" + templateId).then().statusCode(200);
        Loops.recruiter(B).header("If-Match", etag).body(Map.of("name", "stale", "form", "FULL",
                        "attributes", List.of(Map.of("key", "coding", "name", "Coding"))))
                .put("/v1/scorecard-templates/" + templateId).then().statusCode(412);
        Loops.as(B, "tomasz").get("/v1/feedback-requests/" + Loops.requestOf(loop, "tomasz")).then().statusCode(200)
                .body("template.attributes.key", equalTo(List.of("system_design", "communication")));
    }

    @Test
    void badTemplatesAreRefusedWithTheFieldNamed() {
        Loops.recruiter(B).body(Map.of("name", "Twice", "form", "FULL", "attributes", List.of(
                        Map.of("key", "communication", "name", "A"), Map.of("key", "communication", "name", "B"))))
                .post("/v1/scorecard-templates").then().statusCode(400).body("errors[0].field", equalTo("attributes[1].key"));
        Loops.recruiter(B).body(Map.of("name", "Bad key", "form", "FULL", "attributes", List.of(Map.of("key", "Team Fit", "name", "A"))))
                .post("/v1/scorecard-templates").then().statusCode(400).body("errors[0].field", containsString("key"));
        Loops.recruiter(B).body(Map.of("name", "Bad kind", "form", "FULL", "sessionKinds", List.of("DINNER"),
                        "attributes", List.of(Map.of("key", "team_fit", "name", "A"))))
                .post("/v1/scorecard-templates").then().statusCode(400);
        Loops.recruiter(B).body(Map.of("name", "No attributes", "form", "LIGHT", "attributes", List.of()))
                .post("/v1/scorecard-templates").then().statusCode(400).body("errors[0].field", containsString("attributes"));
    }

    /** Tenant B's policy is changed here and restored; tests of tenant A are unaffected (policies are per tenant). */
    @Test
    void theTenantChoosesNeverAfterSubmittingOrAlways() {
        BookedLoop loop = Loops.standard(B, Applications.inRound(B, 2), Applications.jobOf(B), 2, Instant.now().minus(1, ChronoUnit.DAYS));
        Loops.sync(B, loop.snapshot()).then().statusCode(204);
        String aikos = Loops.submit(loop, "aiko", 3, "YES");
        try {
            setPolicy("ALWAYS");
            Loops.as(B, "tomasz").get("/v1/scorecards/" + aikos).then().statusCode(200);

            setPolicy("NEVER");
            Loops.submit(loop, "tomasz", 2, "NO");
            Loops.as(B, "tomasz").get("/v1/scorecards/" + aikos).then().statusCode(403)
                    .body("detail", containsString("policy"));
            // The hiring manager still reads the panel once their own is in; recruiters always.
            Loops.as(B, Loops.HIRING_MANAGER).get("/v1/scorecards/" + aikos).then().statusCode(403);
            Loops.submit(loop, Loops.HIRING_MANAGER, 4, "STRONG_YES");
            Loops.as(B, Loops.HIRING_MANAGER).get("/v1/scorecards/" + aikos).then().statusCode(200);
            Loops.recruiter(B).get("/v1/scorecards/" + aikos).then().statusCode(200);
        } finally {
            setPolicy("AFTER_SUBMITTING");
        }
        Loops.as(B, "tomasz").get("/v1/scorecards/" + aikos).then().statusCode(200);
        // Only tenant admins change it.
        Loops.recruiter(B).header("If-Match", "*").body(policy("ALWAYS")).put("/v1/feedback-policy").then().statusCode(403);
    }

    @Test
    void thePolicyStartsWithTheDefaultsAndStaleWritesAreRefused() {
        String tenant = "policytenant";
        Loops.as(tenant, "admin", "tenant_admin").get("/v1/feedback-policy").then().statusCode(200)
                .header("ETag", equalTo("\"-1\"")).body("antiAnchoring", equalTo("AFTER_SUBMITTING"))
                .body("dueHoursAfterLoop", equalTo(24));
        Loops.as(tenant, "admin", "tenant_admin").header("If-Match", "\"-1\"").body(policy("NEVER")).put("/v1/feedback-policy")
                .then().statusCode(200).body("antiAnchoring", equalTo("NEVER"));
        // A second admin still holding the defaults' ETag does not overwrite the first change.
        Loops.as(tenant, "admin2", "tenant_admin").header("If-Match", "\"-1\"").body(policy("ALWAYS")).put("/v1/feedback-policy")
                .then().statusCode(412);
        Loops.as(tenant, "admin", "tenant_admin").body(Map.of("antiAnchoring", "SOMETIMES", "dueHoursAfterLoop", 0,
                "reminderEveryHours", 24, "escalateAfterHours", 48)).header("If-Match", "*").put("/v1/feedback-policy")
                .then().statusCode(400);
        assertEquals("NEVER", Loops.as(tenant, "admin", "tenant_admin").get("/v1/feedback-policy").jsonPath().getString("antiAnchoring"));
    }

    private static void setPolicy(String antiAnchoring) {
        Loops.as(B, "admin", "tenant_admin").header("If-Match", "*").body(policy(antiAnchoring)).put("/v1/feedback-policy")
                .then().statusCode(200);
    }

    private static Map<String, Object> policy(String antiAnchoring) {
        return Map.of("antiAnchoring", antiAnchoring, "dueHoursAfterLoop", 24, "reminderEveryHours", 24, "escalateAfterHours", 48);
    }
}
