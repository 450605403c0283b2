package dev.secondround.scheduling.loop;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondround.testing.Applications;
import dev.secondround.scheduling.testsupport.Directory;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** What the candidate and the interviewers receive, read back the way a calendar reads it. */
@QuarkusTest
class ItineraryTest {

    private static final String A = TestTokens.TENANT_A;

    @Test
    void theItineraryNamesEveryoneExactlyInTheLoopsTimeZone() {
        Booked booked = book();
        Directory.coordinator(A).get("/v1/loops/" + booked.loopId + "/itinerary").then().statusCode(200)
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("stops[0].from", equalTo("09:30:00"))
                .body("stops[0].people[0].fullName", equalTo("Daniel O'Connell <Dan>"))
                .body("stops[0].people[0].role", equalTo("HIRING_MANAGER"))
                .body("stops[0].where", containsString("Helix HQ"))
                .body("candidateName", equalTo(Applications.CANDIDATE_NAME))
                .body("jobTitle", equalTo(Applications.JOB_TITLE))
                .body("roundName", equalTo("Second round: onsite loop"));
        Directory.coordinator(A).get("/v1/loops/" + booked.loopId + "/itinerary.html").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("Daniel O&#39;Connell &lt;Dan&gt;"))
                .body(not(containsString("<Dan>")))
                .body(containsString("09:30–10:15"))
                .body(containsString("For <strong>" + Applications.CANDIDATE_NAME + "</strong>"));
    }

    @Test
    void invitesAreRfc5545AndCancellationsReplaceThem() throws Exception {
        Booked booked = book();
        Calendar request = calendar(Directory.coordinator(A).get("/v1/loops/" + booked.loopId + "/invites/candidate.ics")
                .then().statusCode(200).contentType(startsWith("text/calendar")).extract().asString());
        // The candidate is invited by name and address, as the candidate service has them.
        assertEquals("REQUEST", request.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent event = (VEvent) request.getComponents().get(0);
        var candidate = event.getProperty(Property.ATTENDEE).orElseThrow();
        assertEquals("mailto:" + Applications.emailOfCandidate(A, booked.applicationId), candidate.getValue());
        assertEquals(Applications.CANDIDATE_NAME, candidate.getParameter(net.fortuna.ical4j.model.Parameter.CN).orElseThrow().getValue());
        String uid = event.getProperty(Property.UID).orElseThrow().getValue();
        assertEquals("0", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());

        Calendar mine = calendar(Directory.coordinator(A).get("/v1/loops/" + booked.loopId + "/invites/" + booked.interviewerId + ".ics")
                .then().statusCode(200).extract().asString());
        VEvent session = (VEvent) mine.getComponents().get(0);
        assertEquals("REQUEST", mine.getProperty(Property.METHOD).orElseThrow().getValue());
        assertEquals("mailto:" + booked.email, session.getProperty(Property.ATTENDEE).orElseThrow().getValue());
        Directory.coordinator(A).get("/v1/loops/" + booked.loopId + "/invites/" + java.util.UUID.randomUUID() + ".ics")
                .then().statusCode(404);

        String etag = Directory.coordinator(A).get("/v1/loops/" + booked.loopId).then().extract().header("ETag");
        Directory.coordinator(A).header("If-Match", etag).body(Map.of("reason", "Candidate withdrew"))
                .post("/v1/loops/" + booked.loopId + "/cancel").then().statusCode(200);
        Calendar cancel = calendar(Directory.coordinator(A).get("/v1/loops/" + booked.loopId + "/invites/candidate.ics")
                .then().statusCode(200).extract().asString());
        assertEquals("CANCEL", cancel.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent cancelled = (VEvent) cancel.getComponents().get(0);
        Calendar theirCancel = calendar(Directory.coordinator(A).get("/v1/loops/" + booked.loopId + "/invites/" + booked.interviewerId + ".ics")
                .then().statusCode(200).extract().asString());
        assertEquals("CANCEL", theirCancel.getProperty(Property.METHOD).orElseThrow().getValue());
        assertEquals(uid, cancelled.getProperty(Property.UID).orElseThrow().getValue(), "same event, so calendars replace it");
        assertEquals("1", cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue(), "a higher SEQUENCE");
        assertEquals("CANCELLED", cancelled.getProperty(Property.STATUS).orElseThrow().getValue());
    }

    private record Booked(String loopId, String interviewerId, String email, String applicationId) {
    }

    private static Booked book() {
        Map<String, Object> person = new HashMap<>(Directory.interviewerBody(null, A));
        person.put("fullName", "Daniel O'Connell <Dan>");
        person.put("roleKind", "HIRING_MANAGER");
        String interviewer = Directory.created(Directory.coordinator(A).body(person).post("/v1/interviewers"));
        String room = Directory.created(Directory.coordinator(A).body(Directory.roomBody()).post("/v1/rooms"));
        String day = "2027-06-0" + (1 + new java.util.Random().nextInt(4));
        String applicationId = Applications.inRound(A);
        Map<String, Object> plan = Map.of("applicationId", applicationId, "timeZone", "Europe/Berlin", "firstDay", day, "lastDay", day,
                "candidateAvailability", List.of(Map.of("start", day + "T06:00:00Z", "end", day + "T16:00:00Z")),
                "sessions", List.of(Map.of("id", "hiring-manager", "title", "Conversation with the hiring manager", "kind", "INTERVIEW",
                        "durationMinutes", 45, "interviewerIds", List.of(interviewer), "room", "IN_PERSON")));
        // 09:30 in Berlin (summer time, UTC+2).
        Map<String, Object> booking = Map.of("title", "Second round: Dana Okonkwo-Lindqvist",
                "plan", plan, "option", Map.of("day", day, "sessions", List.of(Map.of("sessionId", "hiring-manager",
                        "start", day + "T07:30:00Z", "interviewerIds", List.of(interviewer), "roomId", room))));
        String loopId = Directory.created(Directory.coordinator(A).body(booking).post("/v1/loops"));
        return new Booked(loopId, interviewer, (String) person.get("email"), applicationId);
    }

    /** Parsed and validated by ical4j against RFC 5545 and, for the file's METHOD, RFC 5546 (iTIP). */
    private static Calendar calendar(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        var result = calendar.validate();
        org.junit.jupiter.api.Assertions.assertFalse(result.hasErrors(), () -> result + "\n" + ics);
        return calendar;
    }
}
