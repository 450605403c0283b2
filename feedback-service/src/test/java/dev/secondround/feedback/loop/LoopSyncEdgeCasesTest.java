package dev.secondround.feedback.loop;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.secondround.feedback.testsupport.Decisions;
import dev.secondround.feedback.testsupport.Loops;
import dev.secondround.feedback.testsupport.Loops.BookedLoop;
import dev.secondround.testing.Applications;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loop-sync cases where a wrong answer would let someone read the panel too early or ask the wrong questions. */
@QuarkusTest
class LoopSyncEdgeCasesTest {

    private static final String A = TestTokens.TENANT_A;

    @Test
    void aHiringManagerWithoutALinkedLoginStillOwesTheirScorecardBeforeReadingThePanel() {
        BookedLoop loop = Loops.standard(A, Applications.inRound(A, 2), Applications.jobOf(A), 2, Instant.now().minus(1, ChronoUnit.DAYS));
        // The directory has no login for her; her email is the job's hiring manager's.
        Loops.sync(A, withoutSubject(loop.snapshot(), loop.interviewerOf(Loops.HIRING_MANAGER).toString())).then().statusCode(204);
        Loops.submit(loop, "aiko", 3, "YES");
        Loops.as(A, Loops.HIRING_MANAGER).get("/v1/applications/" + loop.applicationId() + "/feedback-summary").then()
                .statusCode(403).body("type", containsString("scorecards-hidden"));
        // A recruiter records a decision; its rationale sums up the panel, so she does not read it yet either.
        String decisionId = Decisions.decide(Loops.recruiter(A), loop.applicationId(), "FINALIST", "The panel was unanimous on team fit.");
        Loops.as(A, Loops.HIRING_MANAGER).get("/v1/decisions/" + decisionId).then().statusCode(200)
                .body("rationale", nullValue()).body("rationaleHidden", equalTo(true)).body("outcome", equalTo("FINALIST"));
        Loops.submit(loop, Loops.HIRING_MANAGER, 4, "STRONG_YES");
        Loops.as(A, Loops.HIRING_MANAGER).get("/v1/decisions/" + decisionId).then().statusCode(200)
                .body("rationale", equalTo("The panel was unanimous on team fit.")).body("rationaleHidden", equalTo(false));
    }

    @Test
    void theSameVersionSentAgainCarriesADirectoryChangeSuchAsANewlyLinkedLogin() {
        BookedLoop loop = Loops.standard(A, Applications.inRound(A, 2), Applications.jobOf(A), 2, Instant.now().minus(1, ChronoUnit.DAYS));
        Loops.sync(A, withoutSubject(loop.snapshot(), loop.interviewerOf("aiko").toString())).then().statusCode(204);
        String request = Loops.requestOf(loop, "aiko");
        Loops.recruiter(A).get("/v1/feedback-requests/" + request).then().body("participant.canSignIn", equalTo(false));
        Loops.as(A, "aiko").get("/v1/feedback-requests/" + request).then().statusCode(404);

        Loops.sync(A, loop.snapshot()).then().statusCode(204);
        Loops.as(A, "aiko").get("/v1/feedback-requests/" + request).then().statusCode(200).body("participant.canSignIn", equalTo(true));
    }

    @Test
    void aJobsFullTemplateForAnySessionIsNotGivenToTheLunchHost() {
        String jobId = Applications.newJob(A, Loops.HIRING_MANAGER);
        Loops.recruiter(A).body(Map.of("name", "Whole loop, job " + jobId, "form", "FULL", "jobId", jobId,
                        "attributes", List.of(Map.of("key", "job_knowledge", "name", "Job knowledge"))))
                .post("/v1/scorecard-templates").then().statusCode(201);
        BookedLoop loop = Loops.standard(A, Applications.appliedTo(A, jobId), jobId, 2, Instant.now().minus(1, ChronoUnit.DAYS));
        Loops.sync(A, loop.snapshot()).then().statusCode(204);
        Loops.as(A, "lunchhost").get("/v1/feedback-requests/" + Loops.requestOf(loop, "lunchhost")).then().statusCode(200)
                .body("form", equalTo("LIGHT")).body("template.name", equalTo("Tour and lunch impressions"));
        Loops.as(A, "aiko").get("/v1/feedback-requests/" + Loops.requestOf(loop, "aiko")).then().statusCode(200)
                .body("template.name", equalTo("Whole loop, job " + jobId));
    }

    @jakarta.inject.Inject
    JobRefRefresh jobRefresh;

    @Test
    void aJobHandedToAnotherHiringManagerMovesThePanelToThemAtTheNextRefresh() {
        String jobId = Applications.newJob(A, "marek");
        BookedLoop loop = Loops.standard(A, Applications.appliedTo(A, jobId), jobId, 2, Instant.now().minus(1, ChronoUnit.DAYS));
        Loops.sync(A, loop.snapshot()).then().statusCode(204);
        Loops.submit(loop, "aiko", 3, "YES");
        String summary = "/v1/applications/" + loop.applicationId() + "/feedback-summary";
        Loops.as(A, "marek", "hiring_manager").get(summary).then().statusCode(200);
        Loops.as(A, "nadia", "hiring_manager").get(summary).then().statusCode(404);

        Applications.changeHiringManager(A, jobId, "nadia");
        jobRefresh.refresh(A);
        Loops.as(A, "marek", "hiring_manager").get(summary).then().statusCode(404);
        Loops.as(A, "nadia", "hiring_manager").get(summary).then().statusCode(200);
    }

    @jakarta.inject.Inject
    dev.secondround.feedback.reminder.FeedbackTenants tenants;

    @Test
    void withSeveralReplicasOneRefreshesATenantsJobsPerInterval() throws Exception {
        String jobId = Applications.newJob(A, "marek");
        Loops.sync(A, Loops.standard(A, Applications.appliedTo(A, jobId), jobId, 2, Instant.now().minus(1, ChronoUnit.DAYS)).snapshot())
                .then().statusCode(204);
        tenants.claimJobRefresh(A, java.time.Duration.ZERO); // whatever an earlier test or run left
        org.junit.jupiter.api.Assertions.assertFalse(tenants.claimJobRefresh(A, java.time.Duration.ofMinutes(10)),
                "just refreshed: the next replica skips the tenant");
        org.junit.jupiter.api.Assertions.assertTrue(tenants.claimJobRefresh(A, java.time.Duration.ZERO),
                "once the interval has passed, a replica claims it again");
        org.junit.jupiter.api.Assertions.assertFalse(tenants.claimJobRefresh("no-such-tenant", java.time.Duration.ZERO),
                "only tenants with feedback are refreshed");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutSubject(Map<String, Object> snapshot, String interviewerId) {
        Map<String, Object> copy = new LinkedHashMap<>(snapshot);
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (Map<String, Object> session : (List<Map<String, Object>>) snapshot.get("sessions")) {
            Map<String, Object> s = new LinkedHashMap<>(session);
            List<Map<String, Object>> people = new ArrayList<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) session.get("participants")) {
                Map<String, Object> person = new LinkedHashMap<>(p);
                if (interviewerId.equals(person.get("interviewerId"))) {
                    person.remove("oidcSubject");
                }
                people.add(person);
            }
            s.put("participants", people);
            sessions.add(s);
        }
        copy.put("sessions", sessions);
        return copy;
    }
}
