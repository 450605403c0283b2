package dev.secondround.scheduling.planning;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.testing.Applications;
import dev.secondround.scheduling.testsupport.Directory;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's question from issue 3, against the real directory in PostgreSQL: 45 minutes with
 * the hiring manager first, a technical session with one of the Java pool, two peers as a panel, a
 * department tour and a team lunch between 11:30 and 13:30, when Dana is free.
 */
@QuarkusTest
class LoopPlanTest {

    private static final String A = TestTokens.TENANT_A;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aSecondRoundLoopGetsRankedOptionsThatRespectEveryRule() {
        Team team = team();
        JsonPath plan = Directory.coordinator(A).body(loop(team)).post("/v1/loop-plans").then().log().ifValidationFails().statusCode(200)
                .body("options", not(empty())).body("provenBest", equalTo(true)).extract().jsonPath();
        List<Map<String, Object>> options = plan.getList("options");
        assertTrue(options.size() <= 5);
        for (int o = 0; o < options.size(); o++) {
            String prefix = "options[" + o + "].";
            assertEquals(o + 1, plan.getInt(prefix + "rank"));
            assertEquals("hiring-manager", plan.getString(prefix + "sessions[0].sessionId"), "hiring manager first");
            assertEquals("Ingrid Solberg-Haugen", plan.getString(prefix + "sessions[0].participants[0].fullName"));
            List<Map<String, Object>> sessions = plan.getList(prefix + "sessions");
            Instant previousEnd = Instant.MIN;
            Set<String> days = new HashSet<>();
            for (int s = 0; s < sessions.size(); s++) {
                Instant start = Instant.parse(plan.getString(prefix + "sessions[" + s + "].start"));
                Instant end = Instant.parse(plan.getString(prefix + "sessions[" + s + "].end"));
                assertFalse(start.isBefore(previousEnd), "the candidate is in one session at a time");
                previousEnd = end;
                days.add(start.atZone(BERLIN).toLocalDate().toString());
                LocalTime localStart = start.atZone(BERLIN).toLocalTime();
                LocalTime localEnd = end.atZone(BERLIN).toLocalTime();
                assertFalse(localStart.isBefore(LocalTime.of(9, 0)) || localEnd.isAfter(LocalTime.of(17, 0)), "working hours");
                String id = plan.getString(prefix + "sessions[" + s + "].sessionId");
                if (id.equals("lunch")) {
                    assertFalse(localStart.isBefore(LocalTime.of(11, 30)) || localEnd.isAfter(LocalTime.of(13, 30)), "lunch window");
                }
                if (id.equals("technical")) {
                    assertTrue(team.javaPool.contains(plan.getString(prefix + "sessions[" + s + "].participants[0].interviewerId")));
                    assertEquals(team.javaPoolId, plan.getString(prefix + "sessions[" + s + "].participants[0].fromPoolId"));
                }
                if (id.equals("peer-panel")) {
                    assertEquals("ROOM", plan.getString(prefix + "sessions[" + s + "].venue.type"));
                }
            }
            assertEquals(1, days.size(), "a loop is one day");
            assertFalse(options.isEmpty());
        }
    }

    @Test
    void whenTheHiringManagerIsAwayTheExplanationSaysWhoAndWhen() {
        Team team = team();
        Directory.coordinator(A).body(Map.of("startsAt", "2026-11-29T00:00:00Z", "endsAt", "2026-12-06T00:00:00Z",
                "kind", "TIME_OFF", "summary", "Vacation")).post("/v1/interviewers/" + team.hiringManager + "/busy-blocks")
                .then().statusCode(201);
        Directory.coordinator(A).body(loop(team)).post("/v1/loop-plans").then().statusCode(200)
                .body("options", empty())
                .body("explanation.summary", not(equalTo(null)))
                .body("explanation.blockers.message", hasItem(containsString("Ingrid Solberg-Haugen")))
                .body("explanation.blockers.kind", hasItem("PERSON_TIME_OFF"));
    }

    @Test
    void anotherTenantsInterviewerIsRefusedLikeAnUnknownOne() {
        Team team = team();
        String foreign = Directory.created(Directory.coordinator(TestTokens.TENANT_B)
                .body(Directory.interviewerBody(null, TestTokens.TENANT_B)).post("/v1/interviewers"));
        Map<String, Object> body = loop(team);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sessions = new ArrayList<>((List<Map<String, Object>>) body.get("sessions"));
        Map<String, Object> first = new HashMap<>(sessions.get(0));
        first.put("interviewerIds", List.of(foreign));
        sessions.set(0, first);
        body.put("sessions", sessions);
        Directory.coordinator(A).body(body).post("/v1/loop-plans").then().statusCode(422)
                .body("errors.field", hasItem("sessions[0].interviewerIds[0]"));
    }

    @Test
    void impossibleRequestsAreExplainedNotCrashed() {
        Team team = team();
        Map<String, Object> body = loop(team);
        body.put("lastDay", "2026-11-01");
        Directory.coordinator(A).body(body).post("/v1/loop-plans").then().statusCode(400).body("errors.field", hasItem("lastDay"));
        body = loop(team);
        body.put("orderRules", List.of(Map.of("type", "BEFORE", "earlier", "technical", "later", "hiring-manager"),
                Map.of("type", "FIRST", "session", "hiring-manager")));
        Directory.coordinator(A).body(body).post("/v1/loop-plans").then().statusCode(anyOf200or422());
        body = loop(team);
        body.put("timeZone", "Europe/Atlantis");
        Directory.coordinator(A).body(body).post("/v1/loop-plans").then().statusCode(400).body("errors.field", hasItem("timeZone"));
    }

    private static org.hamcrest.Matcher<Integer> anyOf200or422() {
        return org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(422));
    }

    private record Team(String hiringManager, String peer1, String peer2, String javaPoolId, Set<String> javaPool,
                        String tourPoolId) {
    }

    private static Team team() {
        String hm = person("Ingrid Solberg-Haugen", "HIRING_MANAGER");
        String peer1 = person("Kwame Mensah-Boateng", "PEER");
        String peer2 = person("Ana Beatriz Figueiredo", "PEER");
        List<String> java = List.of(person("Ravi Subramaniam", "TECHNICAL_CONSULTANT"),
                person("Chloé Marchetti-Dubois", "TECHNICAL_CONSULTANT"), person("Daniel O'Connell", "TECHNICAL_CONSULTANT"));
        String guide = person("Greta Vogelsang", "TOUR_GUIDE");
        String javaPool = Directory.created(Directory.coordinator(A).body(Directory.poolBody(java.toArray(String[]::new))).post("/v1/pools"));
        String tourPool = Directory.created(Directory.coordinator(A).body(Directory.poolBody(guide)).post("/v1/pools"));
        Directory.created(Directory.coordinator(A).body(Directory.roomBody()).post("/v1/rooms"));
        return new Team(hm, peer1, peer2, javaPool, Set.copyOf(java), tourPool);
    }

    private static String person(String name, String role) {
        Map<String, Object> body = new HashMap<>(Directory.interviewerBody(null, A));
        body.put("fullName", name);
        body.put("roleKind", role);
        body.put("maxInterviewsPerDay", 4);
        return Directory.created(Directory.coordinator(A).body(body).post("/v1/interviewers"));
    }

    /** Planning books nothing, so one application in round 2 serves every plan of this class. */
    private static final java.util.function.Supplier<String> APPLICATION = new java.util.function.Supplier<>() {
        private String id;

        @Override
        public synchronized String get() {
            if (id == null) {
                id = Applications.inRound(A);
            }
            return id;
        }
    };

    private static Map<String, Object> loop(Team team) {
        Map<String, Object> body = new HashMap<>();
        body.put("applicationId", APPLICATION.get());
        body.put("timeZone", "Europe/Berlin");
        body.put("firstDay", "2026-11-30");
        body.put("lastDay", "2026-12-04");
        body.put("candidateAvailability", List.of(
                Map.of("start", "2026-12-01T08:00:00Z", "end", "2026-12-01T16:00:00Z"),
                Map.of("start", "2026-12-03T08:00:00Z", "end", "2026-12-03T16:00:00Z")));
        body.put("sessions", List.of(
                Map.of("id", "hiring-manager", "kind", "INTERVIEW", "durationMinutes", 45, "interviewerIds", List.of(team.hiringManager)),
                Map.of("id", "technical", "kind", "TECHNICAL", "durationMinutes", 60,
                        "fromPools", List.of(Map.of("poolId", team.javaPoolId, "count", 1))),
                Map.of("id", "peer-panel", "kind", "PANEL", "durationMinutes", 45, "interviewerIds", List.of(team.peer1, team.peer2)),
                Map.of("id", "tour", "kind", "TOUR", "durationMinutes", 30, "fromPools", List.of(Map.of("poolId", team.tourPoolId, "count", 1))),
                Map.of("id", "lunch", "kind", "LUNCH", "durationMinutes", 60, "interviewerIds", List.of(team.peer1),
                        "window", Map.of("from", "11:30", "to", "13:30"))));
        body.put("orderRules", List.of(Map.of("type", "FIRST", "session", "hiring-manager")));
        body.put("options", 5);
        body.put("granularityMinutes", 15);
        return body;
    }
}
