package dev.secondround.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Loads the demo data of both demo tenants through the services' public APIs with real tokens (password
 * grant on the public {@code secondround-cli} client): the interviewer directory with pools and rooms
 * (scheduling, as each tenant's recruiter); clients, jobs with three-round interview plans, candidates,
 * applications moved through their stages, a recruiter debrief shared with the hiring manager and a
 * thank-you follow-up (candidate service, as the recruiter); and the demo loops of {@link DemoDirectory}.
 * <p>
 * A held loop is booked on its day in the past while its application is in that round (the application
 * moves on afterwards), and once the feedback service has opened its requests (the scheduling service's
 * outbox tells it, within seconds) every participant with a scorecard in {@link DemoFeedback} signs in as
 * themselves and submits it; the others stay outstanding. An upcoming loop is the engine's first option
 * in the next two weeks.
 * <p>
 * Idempotent: every object is looked up by its natural key first (client name, job title per client,
 * candidate email, candidate+job, stage history, debrief round, follow-up round and interviewer, the
 * application's loop for the round, the participant's feedback request) and only created when missing;
 * creates also carry a fixed {@code Idempotency-Key}. Running it twice changes nothing.
 * <p>
 * Environment: {@code CANDIDATE_SERVICE_URL} (default http://localhost:8091), {@code SCHEDULING_SERVICE_URL}
 * (http://localhost:8092), {@code FEEDBACK_SERVICE_URL} (http://localhost:8093) and {@code OIDC_AUTH_SERVER_URL}
 * (http://localhost:8280/realms/secondround). Exit code 1 with the failing call when anything is refused.
 * <p>
 * The demo hiring managers' fixed Keycloak ids (see deploy/keycloak/secondround-realm.json) are the
 * {@code hiringManager.subject} of one job per tenant, so signing in as {@code <tenant>-hiring-manager}
 * shows that job, its applications, the debriefs shared with them and its scorecards.
 */
public final class DemoData {

    static final String AMBRION_HIRING_MANAGER = "a0000000-0000-4000-8000-000000000003";
    static final String NORTHWIND_HIRING_MANAGER = "b0000000-0000-4000-8000-000000000003";
    /**
     * Client-side hiring managers, whose jobs stay invisible to the demo hiring manager. Jonas Brückner and
     * Olumide Adeyemi also interview in the demo loops: their demo logins (ambrion-jonas, northwind-olumide,
     * role interviewer) have these ids, one person, one subject. Aoife and Marie-Ève have no login.
     */
    static final String AMBRION_EXTERNAL_HM_1 = "a0000000-0000-4000-8000-000000000101";
    static final String AMBRION_EXTERNAL_HM_2 = "a0000000-0000-4000-8000-000000000102";
    static final String NORTHWIND_EXTERNAL_HM_1 = "b0000000-0000-4000-8000-000000000101";
    static final String NORTHWIND_EXTERNAL_HM_2 = "b0000000-0000-4000-8000-000000000102";

    /** How long to wait for the feedback service to open a booked loop's requests (the outbox relays every 10 s). */
    private static final Duration FEEDBACK_REQUESTS_WAIT = Duration.ofSeconds(150);
    /** Counted in the "loops and feedback" line of the summary rather than the candidate data's. */
    private static final Set<String> LOOP_COUNTS = Set.of("loops", "feedback requests", "scorecards", "outstanding");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String candidateUrl;
    private final String schedulingUrl;
    private final String feedbackUrl;
    private final String issuer;
    private final TenantSpec spec;
    private final DemoDirectory directory;
    private final Map<String, int[]> tally = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    /** Access tokens by username: the recruiter's, and each participant's for their own scorecards. */
    private final Map<String, String> tokens = new HashMap<>();
    /** The directory's interviewer ids by person key, once loaded. */
    private final Map<String, String> people = new HashMap<>();

    private DemoData(String candidateUrl, String schedulingUrl, String feedbackUrl, String issuer, TenantSpec spec,
                     DemoDirectory directory) {
        this.candidateUrl = candidateUrl.replaceAll("/+$", "");
        this.schedulingUrl = schedulingUrl.replaceAll("/+$", "");
        this.feedbackUrl = feedbackUrl.replaceAll("/+$", "");
        this.issuer = issuer.replaceAll("/+$", "");
        this.spec = spec;
        this.directory = directory;
    }

    public static void main(String[] args) {
        String candidateUrl = env("CANDIDATE_SERVICE_URL", "http://localhost:8091");
        String schedulingUrl = env("SCHEDULING_SERVICE_URL", "http://localhost:8092");
        String feedbackUrl = env("FEEDBACK_SERVICE_URL", "http://localhost:8093");
        String issuer = env("OIDC_AUTH_SERVER_URL", "http://localhost:8280/realms/secondround");
        try {
            for (TenantSpec tenant : List.of(ambrion(), northwind())) {
                DemoData demo = new DemoData(candidateUrl, schedulingUrl, feedbackUrl, issuer, tenant, DemoDirectory.of(tenant.slug()));
                // The directory first: the loops booked while the applications move through their rounds need its people.
                demo.loadDirectory();
                demo.load();
            }
        } catch (ApiException | IOException e) {
            System.err.println("demo data failed: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    // ------------------------------------------------------------------ loading

    private void load() throws IOException, InterruptedException {
        Map<String, String> clients = new HashMap<>();
        for (ClientSpec client : spec.clients()) {
            ObjectNode body = JSON.createObjectNode();
            body.put("name", client.name()).put("industry", client.industry()).put("website", client.website());
            body.set("contacts", JSON.valueToTree(client.contacts()));
            clients.put(client.key(), findOrCreate(candidateUrl, "clients",
                    "/v1/clients?limit=100&name=" + encode(client.name()),
                    item -> client.name().equalsIgnoreCase(item.path("name").asText()),
                    "/v1/clients", body, key("client", client.key())));
        }

        Map<String, String> jobs = new HashMap<>();
        for (JobSpec job : spec.jobs()) {
            String clientId = clients.get(job.clientKey());
            ObjectNode body = JSON.createObjectNode();
            body.put("clientId", clientId).put("title", job.title()).put("department", job.department())
                    .put("location", job.location());
            body.putObject("hiringManager").put("subject", job.hiringManagerSubject())
                    .put("name", job.hiringManagerName()).put("email", job.hiringManagerEmail());
            body.put("status", "OPEN");
            body.set("interviewPlan", JSON.valueToTree(job.plan()));
            jobs.put(job.key(), findOrCreate(candidateUrl, "jobs",
                    "/v1/jobs?limit=100&clientId=" + clientId + "&title=" + encode(job.title()),
                    item -> job.title().equals(item.path("title").asText()) && clientId.equals(item.path("clientId").asText()),
                    "/v1/jobs", body, key("job", job.key())));
        }

        Map<String, String> candidates = new HashMap<>();
        for (CandidateSpec candidate : spec.candidates()) {
            ObjectNode body = JSON.createObjectNode();
            body.put("firstName", candidate.firstName()).put("lastName", candidate.lastName())
                    .put("email", candidate.email()).put("phone", candidate.phone())
                    .put("linkedinUrl", candidate.linkedinUrl())
                    .put("resumeUrl", "https://files.example.org/resumes/" + candidate.key() + ".pdf")
                    .put("source", candidate.source());
            body.set("tags", JSON.valueToTree(candidate.tags()));
            candidates.put(candidate.key(), findOrCreate(candidateUrl, "candidates",
                    "/v1/candidates?limit=100&email=" + encode(candidate.email()),
                    item -> candidate.email().equalsIgnoreCase(item.path("email").asText()),
                    "/v1/candidates", body, key("candidate", candidate.key())));
        }

        for (ApplicationSpec application : spec.applications()) {
            String candidateId = candidates.get(application.candidateKey());
            String jobId = jobs.get(application.jobKey());
            String name = application.candidateKey() + "@" + application.jobKey();
            ObjectNode body = JSON.createObjectNode().put("candidateId", candidateId).put("jobId", jobId);
            String applicationId = findOrCreate(candidateUrl, "applications",
                    "/v1/applications?limit=100&candidateId=" + candidateId + "&jobId=" + jobId,
                    item -> jobId.equals(item.path("job").path("id").asText())
                            && candidateId.equals(item.path("candidate").path("id").asText()),
                    "/v1/applications", body, key("application", name));
            List<DemoDirectory.LoopSpec> loops = directory.loops().stream()
                    .filter(l -> l.candidateKey().equals(application.candidateKey()) && l.jobKey().equals(application.jobKey()))
                    .toList();
            moveThrough(applicationId, name, application.path(), loops);
            for (DebriefSpec debrief : application.debriefs()) {
                ObjectNode debriefBody = JSON.createObjectNode();
                debriefBody.put("round", debrief.round()).put("wentWell", debrief.wentWell())
                        .put("struggledWith", debrief.struggledWith())
                        .put("emphasiseNextRound", debrief.emphasiseNextRound())
                        .put("visibility", debrief.visibility());
                findOrCreate(candidateUrl, "debriefs",
                        "/v1/applications/" + applicationId + "/debriefs?limit=100&round=" + debrief.round(),
                        item -> true,
                        "/v1/applications/" + applicationId + "/debriefs", debriefBody,
                        key("debrief", name + "-r" + debrief.round()));
            }
            for (FollowUpSpec followUp : application.followUps()) {
                ObjectNode followUpBody = JSON.createObjectNode();
                followUpBody.put("round", followUp.round()).put("interviewerName", followUp.interviewerName())
                        .put("interviewerEmail", followUp.interviewerEmail()).put("kind", followUp.kind())
                        .put("sentOn", LocalDate.now(ZoneOffset.UTC).minusDays(followUp.daysAgo()).toString())
                        .put("note", followUp.note());
                findOrCreate(candidateUrl, "follow-ups",
                        "/v1/applications/" + applicationId + "/follow-ups?limit=100&round=" + followUp.round(),
                        item -> followUp.interviewerName().equals(item.path("interviewerName").asText()),
                        "/v1/applications/" + applicationId + "/follow-ups", followUpBody,
                        key("follow-up", name + "-r" + followUp.round()));
            }
        }

        report("(as " + spec.recruiter() + ")", what -> !LOOP_COUNTS.contains(what));
        if (!directory.loops().isEmpty()) {
            report("loops and feedback", what -> true);
        }
        notes.forEach(note -> System.out.println("  " + note));
        notes.clear();
    }

    /**
     * Applies the steps of {@code path} not yet in the application's stage history, and books each demo
     * loop when the application reaches its round (a held loop must be booked while its round is the
     * current one). The history must start with the steps already applied; anything else (someone moved
     * it by hand) is left alone.
     */
    private void moveThrough(String applicationId, String name, List<Step> path, List<DemoDirectory.LoopSpec> loops)
            throws IOException, InterruptedException {
        JsonNode history = call(candidateUrl, "GET", "/v1/applications/" + applicationId + "/stage-changes?limit=100", null, Map.of(), 200)
                .body().path("items");
        List<JsonNode> moves = new ArrayList<>();
        for (JsonNode change : history) {
            if (!change.path("fromStage").isNull() && !change.path("fromStage").isMissingNode()) {
                moves.add(change);
            }
        }
        for (int i = 0; i < moves.size(); i++) {
            JsonNode done = moves.get(i);
            Step expected = i < path.size() ? path.get(i) : null;
            if (expected == null || !expected.to().equals(done.path("toStage").asText())
                    || (expected.round() != null && expected.round() != done.path("toRound").asInt())) {
                notes.add("note: " + name + " was moved outside the demo path; leaving its stage alone");
                return;
            }
        }
        count("stage changes", false, moves.size());
        for (int i = 0; i < path.size(); i++) {
            Step step = path.get(i);
            if (i >= moves.size()) {
                Reply current = call(candidateUrl, "GET", "/v1/applications/" + applicationId, null, Map.of(), 200);
                ObjectNode body = JSON.createObjectNode().put("to", step.to());
                if (step.round() != null) {
                    body.put("round", step.round());
                }
                body.put("reason", step.reason());
                call(candidateUrl, "POST", "/v1/applications/" + applicationId + "/stage-changes", body,
                        Map.of("If-Match", current.header("ETag")), 200);
                count("stage changes", true, 1);
            }
            for (DemoDirectory.LoopSpec loop : loops) {
                if ("ROUND".equals(step.to()) && step.round() != null && step.round() == loop.round()) {
                    demoLoop(loop, applicationId, name, i < moves.size() - 1);
                }
            }
        }
    }

    /** The scheduling directory: interviewers (the demo users linked by their sign-in), pools and rooms. */
    private void loadDirectory() throws IOException, InterruptedException {
        for (DemoDirectory.Person person : directory.people()) {
            ObjectNode body = JSON.createObjectNode();
            body.put("fullName", person.fullName()).put("title", person.title()).put("roleKind", person.roleKind())
                    .put("email", person.email()).put("timeZone", person.timeZone())
                    .put("maxInterviewsPerDay", person.perDay()).put("maxInterviewsPerWeek", person.perWeek());
            if (person.subject() != null) {
                body.put("oidcSubject", person.subject());
            }
            String[] foundSubject = {null};
            people.put(person.key(), findOrCreate(schedulingUrl, "interviewers", "/v1/interviewers?limit=100&q=" + encode(person.email()),
                    item -> {
                        boolean match = person.email().equalsIgnoreCase(item.path("email").asText());
                        if (match) {
                            foundSubject[0] = item.path("oidcSubject").isTextual() ? item.path("oidcSubject").asText() : "";
                        }
                        return match;
                    },
                    "/v1/interviewers", body, key("interviewer", person.key())));
            if (foundSubject[0] != null && person.subject() != null && !person.subject().equals(foundSubject[0])) {
                // Left alone like everything found; its loops' feedback would wait for a login it does not have.
                notes.add("note: " + person.fullName() + " in the directory is not linked to the demo login " + person.login()
                        + " (an older demo database?); ./run-local --reset loads the current demo");
            }
        }
        for (DemoDirectory.PoolSpec pool : directory.pools()) {
            ObjectNode body = JSON.createObjectNode();
            body.put("name", pool.name()).put("description", pool.description());
            body.set("memberIds", JSON.valueToTree(pool.memberKeys().stream().map(people::get).toList()));
            findOrCreate(schedulingUrl, "pools", "/v1/pools?name=" + encode(pool.name()),
                    item -> pool.name().equals(item.path("name").asText()), "/v1/pools", body, key("pool", pool.name()));
        }
        for (DemoDirectory.RoomSpec room : directory.rooms()) {
            ObjectNode body = JSON.createObjectNode();
            body.put("name", room.name()).put("kind", room.kind()).put("capacity", room.capacity());
            if (room.building() != null) {
                body.put("building", room.building()).put("floor", room.floor());
            }
            if (room.videoLink() != null) {
                body.put("videoLink", room.videoLink());
            }
            findOrCreate(schedulingUrl, "rooms", "/v1/rooms?limit=100", item -> room.name().equals(item.path("name").asText()),
                    "/v1/rooms", body, key("room", room.name()));
        }
        report("directory", what -> true);
        notes.forEach(note -> System.out.println("  " + note));
        notes.clear();
    }

    /**
     * The application's loop for this round: found, or booked now (the application is in that round);
     * for a held loop, then its feedback. {@code movedOn}: the application had already left this round
     * before this run, so a missing loop can no longer be booked for it.
     */
    private void demoLoop(DemoDirectory.LoopSpec loop, String applicationId, String name, boolean movedOn)
            throws IOException, InterruptedException {
        JsonNode booked = null;
        for (JsonNode existing : call(schedulingUrl, "GET", "/v1/loops?limit=100&applicationId=" + applicationId, null, Map.of(), 200)
                .body().path("items")) {
            if (existing.path("round").asInt() == loop.round() && !"CANCELLED".equals(existing.path("status").asText())) {
                booked = existing;
            }
        }
        if (booked != null) {
            count("loops", false, 1);
        } else if (movedOn) {
            notes.add("note: " + name + " is past round " + loop.round() + " but has no loop for it (an older demo database?); "
                    + "./run-local --reset loads the current demo");
            return;
        } else {
            booked = book(loop, applicationId, name);
            if (booked == null) {
                return;
            }
            count("loops", true, 1);
        }
        String when = booked.path("day").asText() + (loop.held() ? " (held)" : " (upcoming)");
        if (loop.held() && !"COMPLETED".equals(booked.path("status").asText())) {
            // Feedback is refused before the sessions: a loop booked by an older demo for a later day.
            notes.add("note: " + name + "'s round " + loop.round() + " loop on " + booked.path("day").asText() + " is "
                    + booked.path("status").asText() + ", not held yet (an older demo database?): no scorecards loaded; "
                    + "./run-local --reset loads the current demo");
            return;
        }
        if (!loop.held()) {
            notes.add(name + " round " + loop.round() + ": loop " + booked.path("id").asText() + " on " + when
                    + ", application " + applicationId);
            return;
        }
        List<String> outstanding = collectFeedback(loop, booked, name);
        notes.add(name + " round " + loop.round() + ": loop " + booked.path("id").asText() + " on " + when + ", application "
                + applicationId + (outstanding.isEmpty() ? ", all feedback in" : ", outstanding: " + String.join(", ", outstanding)));
    }

    /**
     * Plans the loop and books the engine's first option: for a held loop on its one day in the past with
     * its named people (always the same loop), for an upcoming one in the next two weeks. Null when the
     * engine finds nothing (noted, not an error: the rest of the demo still loads).
     */
    private JsonNode book(DemoDirectory.LoopSpec loop, String applicationId, String name) throws IOException, InterruptedException {
        ZoneId zone = ZoneId.of(loop.timeZone());
        LocalDate first = loop.held() ? weekdayOnOrBefore(LocalDate.now(zone).minusDays(loop.daysAgo())) : LocalDate.now(zone).plusDays(1);
        LocalDate last = loop.held() ? first : first.plusDays(13);
        ObjectNode plan = JSON.createObjectNode();
        plan.put("applicationId", applicationId).put("round", loop.round()).put("timeZone", loop.timeZone())
                .put("firstDay", first.toString()).put("lastDay", last.toString())
                .put("options", loop.held() ? 1 : 3).put("granularityMinutes", 15);
        ArrayNode availability = plan.putArray("candidateAvailability");
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                availability.addObject().put("start", day.atTime(8, 30).atZone(zone).toInstant().toString())
                        .put("end", day.atTime(17, 0).atZone(zone).toInstant().toString());
            }
        }
        ArrayNode sessions = plan.putArray("sessions");
        for (DemoDirectory.SessionSpec session : loop.sessions()) {
            ObjectNode node = sessions.addObject().put("id", session.id()).put("title", session.title())
                    .put("kind", session.kind()).put("durationMinutes", session.minutes());
            if (!session.personKeys().isEmpty()) {
                ArrayNode ids = node.putArray("interviewerIds");
                session.personKeys().forEach(person -> ids.add(people.get(person)));
            }
            if (session.poolName() != null) {
                String poolId = call(schedulingUrl, "GET", "/v1/pools?name=" + encode(session.poolName()), null, Map.of(), 200)
                        .body().path("items").get(0).path("id").asText();
                node.putArray("fromPools").addObject().put("poolId", poolId).put("count", session.poolCount());
            }
            if (session.windowFrom() != null) {
                node.putObject("window").put("from", session.windowFrom()).put("to", session.windowTo());
            }
        }
        plan.putArray("orderRules").addObject().put("type", "FIRST").put("session", loop.sessions().get(0).id());
        JsonNode planned = call(schedulingUrl, "POST", "/v1/loop-plans", plan, Map.of(), 200).body();
        JsonNode options = planned.path("options");
        if (options.isEmpty()) {
            notes.add("note: no option for " + name + "'s round " + loop.round() + " loop between " + first + " and " + last
                    + " (" + planned.path("explanation").path("summary").asText() + "); none booked");
            return null;
        }
        JsonNode best = options.get(0);
        ObjectNode booking = JSON.createObjectNode();
        booking.put("title", loop.title());
        booking.set("plan", plan);
        ObjectNode option = booking.putObject("option");
        option.put("day", best.path("day").asText());
        ArrayNode chosen = option.putArray("sessions");
        for (JsonNode session : best.path("sessions")) {
            ObjectNode node = chosen.addObject().put("sessionId", session.path("sessionId").asText())
                    .put("start", session.path("start").asText());
            ArrayNode ids = node.putArray("interviewerIds");
            session.path("participants").forEach(p -> ids.add(p.path("interviewerId").asText()));
            if (session.path("venue").path("roomId").isTextual()) {
                node.put("roomId", session.path("venue").path("roomId").asText());
            }
        }
        return call(schedulingUrl, "POST", "/v1/loops", booking,
                Map.of("Idempotency-Key", key("loop", applicationId + "-r" + loop.round())), 201).body();
    }

    /**
     * Waits for the feedback service to open the held loop's requests, then submits each participant's
     * scorecard from {@link DemoFeedback}, signed in as that participant. Returns who still owes theirs.
     */
    private List<String> collectFeedback(DemoDirectory.LoopSpec loop, JsonNode booked, String name)
            throws IOException, InterruptedException {
        Set<String> participants = new LinkedHashSet<>();
        booked.path("sessions").forEach(s -> s.path("participants").forEach(p -> participants.add(p.path("interviewerId").asText())));
        JsonNode requests = awaitRequests(booked.path("id").asText(), participants.size(), name + "'s round " + loop.round() + " loop");
        Map<String, DemoFeedback.ScorecardSpec> scorecards = new HashMap<>();
        DemoFeedback.of(spec.slug(), loop).forEach(s -> scorecards.put(people.get(s.personKey()), s));
        List<String> outstanding = new ArrayList<>();
        for (JsonNode request : requests) {
            String status = request.path("status").asText();
            String participant = request.path("participant").path("name").asText();
            DemoFeedback.ScorecardSpec scorecard = scorecards.get(request.path("participant").path("interviewerId").asText());
            if ("SUBMITTED".equals(status)) {
                count("scorecards", false, 1);
            } else if ("OPEN".equals(status) && scorecard != null && request.path("participant").path("canSignIn").asBoolean()) {
                submit(request, scorecard);
                count("scorecards", true, 1);
            } else if ("OPEN".equals(status)) {
                count("outstanding", false, 1);
                outstanding.add(participant + (request.path("overdue").asBoolean() ? " (overdue since " + request.path("dueAt").asText() + ")" : ""));
            }
        }
        return outstanding;
    }

    /** The loop's feedback requests once there is one per participant (bounded wait: the relay runs every 10 s). */
    private JsonNode awaitRequests(String loopId, int participants, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + FEEDBACK_REQUESTS_WAIT.toNanos();
        while (true) {
            JsonNode items;
            try {
                items = call(feedbackUrl, "GET", "/v1/feedback-requests?limit=100&loopId=" + loopId, null, Map.of(), 200).body().path("items");
            } catch (ConnectException e) {
                throw new ApiException("the feedback service is not reachable at " + feedbackUrl + " (" + e + "); is it running?");
            }
            int open = 0;
            for (JsonNode item : items) {
                open += "WITHDRAWN".equals(item.path("status").asText()) ? 0 : 1;
            }
            if (open >= participants) {
                count("feedback requests", false, open);
                return items;
            }
            if (System.nanoTime() > deadline) {
                throw new ApiException(spec.slug() + ": the feedback service has " + open + " of the " + participants
                        + " feedback requests for " + what + " (loop " + loopId + ") after " + FEEDBACK_REQUESTS_WAIT.toSeconds()
                        + " s. The scheduling service sends booked loops to it through its outbox every 10 s with the tenant's "
                        + "service token: see .local/logs/scheduling-service.log and feedback-service.log");
            }
            Thread.sleep(2000);
        }
    }

    /** Saves the scorecard (over an earlier draft, if a run stopped half-way) and submits it, as its author. */
    private void submit(JsonNode request, DemoFeedback.ScorecardSpec scorecard) throws IOException, InterruptedException {
        DemoDirectory.Person author = directory.person(scorecard.personKey());
        if (author.login() == null) {
            throw new ApiException(author.fullName() + " has a demo scorecard but no demo login");
        }
        String as = tokenOf(author.login());
        String path = "/v1/feedback-requests/" + request.path("id").asText() + "/scorecard";
        ObjectNode body = JSON.createObjectNode();
        body.set("ratings", JSON.valueToTree(scorecard.ratings()));
        body.put("recommendation", scorecard.recommendation()).put("notes", scorecard.notes());
        ArrayNode answers = body.putArray("answers");
        // In the form's order of key questions.
        for (JsonNode question : request.path("template").path("keyQuestions")) {
            String answer = scorecard.answers().get(question.asText());
            if (answer != null) {
                answers.addObject().put("question", question.asText()).put("answer", answer);
            }
        }
        Reply draft = send(feedbackUrl, as, "GET", path, null, Map.of(), 200, 404);
        Map<String, String> ifMatch = draft.status() == 200 ? Map.of("If-Match", draft.header("ETag")) : Map.of();
        Reply saved = send(feedbackUrl, as, "PUT", path, body, ifMatch, 200);
        send(feedbackUrl, as, "POST", path + "/submission", null, Map.of("If-Match", saved.header("ETag")), 200);
    }

    private static LocalDate weekdayOnOrBefore(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** One summary line of the counts {@code which} selects ("n (k new)"), which are then cleared. */
    private void report(String what, Predicate<String> which) {
        StringBuilder line = new StringBuilder(spec.slug()).append(" ").append(what).append(":");
        tally.entrySet().removeIf(entry -> {
            if (!which.test(entry.getKey())) {
                return false;
            }
            int[] counts = entry.getValue();
            line.append(" ").append(entry.getKey()).append(" ").append(counts[0] + counts[1])
                    .append(counts[0] > 0 ? " (" + counts[0] + " new)" : "").append(",");
            return true;
        });
        System.out.println(line.substring(0, line.length() - 1));
    }

    private String findOrCreate(String service, String what, String listPath, Predicate<JsonNode> matches, String createPath,
                                JsonNode body, String idempotencyKey) throws IOException, InterruptedException {
        for (JsonNode item : call(service, "GET", listPath, null, Map.of(), 200).body().path("items")) {
            if (matches.test(item)) {
                count(what, false, 1);
                return item.path("id").asText();
            }
        }
        Reply created = call(service, "POST", createPath, body, Map.of("Idempotency-Key", idempotencyKey), 201);
        count(what, true, 1);
        return created.body().path("id").asText();
    }

    private void count(String what, boolean created, int n) {
        tally.computeIfAbsent(what, k -> new int[2])[created ? 0 : 1] += n;
    }

    private String key(String kind, String name) {
        // Idempotency keys are visible ASCII without spaces: "Kantine (lunch)" becomes "kantine--lunch-".
        return ("demo-" + spec.slug() + "-" + kind + "-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    // ------------------------------------------------------------------ HTTP

    private String tokenOf(String username) throws IOException, InterruptedException {
        // Tokens live 15 minutes; one run takes a minute or two.
        String token = tokens.get(username);
        if (token == null) {
            token = passwordToken(username, "demo");
            tokens.put(username, token);
        }
        return token;
    }

    private String passwordToken(String username, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=secondround-cli&username=" + encode(username)
                + "&password=" + encode(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new ApiException("token for " + username + " from " + issuer + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    /** A call as the tenant's recruiter. */
    private Reply call(String service, String method, String path, JsonNode body, Map<String, String> headers, int... expected)
            throws IOException, InterruptedException {
        return send(service, tokenOf(spec.recruiter()), method, path, body, headers, expected);
    }

    private Reply send(String service, String token, String method, String path, JsonNode body, Map<String, String> headers,
                       int... expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (IntStream.of(expected).noneMatch(status -> status == response.statusCode())) {
            throw new ApiException(spec.slug() + ": " + method + " " + service + path
                    + (body == null ? "" : " " + JSON.writeValueAsString(body))
                    + " -> HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Reply(json, response);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private record Reply(JsonNode body, HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name)
                    .orElseThrow(() -> new ApiException(response.uri() + " sent no " + name + " header"));
        }
    }

    private static final class ApiException extends RuntimeException {
        ApiException(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------ the data

    record TenantSpec(String slug, String recruiter, List<ClientSpec> clients, List<JobSpec> jobs,
                      List<CandidateSpec> candidates, List<ApplicationSpec> applications) {
    }

    record ClientSpec(String key, String name, String industry, String website, List<Contact> contacts) {
    }

    record Contact(String name, String title, String email, String phone) {
    }

    record JobSpec(String key, String clientKey, String title, String department, String location,
                   String hiringManagerSubject, String hiringManagerName, String hiringManagerEmail, List<Round> plan) {
    }

    record Round(int number, String name, String kind) {
    }

    record CandidateSpec(String key, String firstName, String lastName, String email, String phone,
                         String linkedinUrl, String source, List<String> tags) {
    }

    record ApplicationSpec(String candidateKey, String jobKey, List<Step> path, List<DebriefSpec> debriefs,
                           List<FollowUpSpec> followUps) {
    }

    record Step(String to, Integer round, String reason) {
    }

    record DebriefSpec(int round, String wentWell, String struggledWith, String emphasiseNextRound, String visibility) {
    }

    record FollowUpSpec(int round, String interviewerName, String interviewerEmail, String kind, int daysAgo, String note) {
    }

    private static Step stage(String to, String reason) {
        return new Step(to, null, reason);
    }

    private static Step round(int number, String reason) {
        return new Step("ROUND", number, reason);
    }

    private static ApplicationSpec apply(String candidate, String job, Step... path) {
        return new ApplicationSpec(candidate, job, List.of(path), List.of(), List.of());
    }

    private static ApplicationSpec apply(String candidate, String job, List<DebriefSpec> debriefs,
                                         List<FollowUpSpec> followUps, Step... path) {
        return new ApplicationSpec(candidate, job, List.of(path), debriefs, followUps);
    }

    static TenantSpec ambrion() {
        return new TenantSpec("ambrion", "ambrion-recruiter",
                List.of(
                        new ClientSpec("helix", "Helix Robotics GmbH", "Industrial automation", "https://helix-robotics.example",
                                List.of(new Contact("Margarethe Oyelaran-Kowalski", "Head of Talent",
                                                "m.oyelaran@helix-robotics.example", "+49 30 5550 1234"),
                                        new Contact("Jonas Brückner", "VP Engineering",
                                                "jonas.brueckner@helix-robotics.example", "+49 89 5550 7781"))),
                        new ClientSpec("lumen", "Lumen Health Analytics Ltd", "Healthcare software", "https://lumen-health.example",
                                List.of(new Contact("Aoife Ó Súilleabháin", "Talent Partner",
                                        "aoife.osullivan@lumen-health.example", "+353 1 555 0199")))),
                List.of(
                        new JobSpec("backend", "helix", "Senior Backend Engineer (Java)", "Platform Engineering", "Berlin, hybrid",
                                AMBRION_HIRING_MANAGER, "Ingrid Solberg-Haugen", "ingrid.solberg-haugen@ambrion.example",
                                List.of(new Round(1, "First interview: hiring manager", "FIRST_INTERVIEW"),
                                        new Round(2, "Technical deep dive: system design", "TECHNICAL"),
                                        new Round(3, "Onsite loop with the platform team", "ONSITE_LOOP"))),
                        new JobSpec("controls", "helix", "Robotics Controls Engineer", "Motion Control", "Munich, on site",
                                AMBRION_EXTERNAL_HM_1, "Jonas Brückner", "jonas.brueckner@helix-robotics.example",
                                List.of(new Round(1, "Phone screen with the team lead", "PHONE_SCREEN"),
                                        new Round(2, "Controls take-home review", "TECHNICAL"),
                                        new Round(3, "Panel with hardware and software leads", "PANEL"))),
                        new JobSpec("designer", "lumen", "Product Designer, Clinical Workflows", "Product", "Dublin, hybrid",
                                AMBRION_EXTERNAL_HM_2, "Aoife Ó Súilleabháin", "aoife.osullivan@lumen-health.example",
                                List.of(new Round(1, "First interview: design manager", "FIRST_INTERVIEW"),
                                        new Round(2, "Portfolio review panel", "PANEL"),
                                        new Round(3, "Final conversation with the CPO", "FINAL")))),
                List.of(
                        new CandidateSpec("thandiwe-nkosi", "Thandiwe", "Nkosi", "thandiwe.nkosi@example.org", "+27 82 555 0143",
                                "https://www.linkedin.com/in/thandiwe-nkosi", "LINKEDIN", List.of("java", "kotlin", "relocation-ok")),
                        new CandidateSpec("mikael-jarvinen", "Mikael", "Järvinen", "mikael.jarvinen@example.org", "+358 40 555 2217",
                                "https://www.linkedin.com/in/mikael-jarvinen", "REFERRAL", List.of("java", "aws", "payments")),
                        new CandidateSpec("tomas-oraghallaigh", "Tomás", "Ó Raghallaigh", "tomas.oraghallaigh@example.org",
                                "+353 87 555 3390", "https://www.linkedin.com/in/tomas-oraghallaigh", "DIRECT_APPLICATION",
                                List.of("java", "spring")),
                        new CandidateSpec("priyanka-venkataraman", "Priyanka", "Venkataraman", "priyanka.v@example.org",
                                "+49 151 555 8802", "https://www.linkedin.com/in/priyanka-venkataraman", "JOB_BOARD",
                                List.of("ros", "c++", "motion-planning")),
                        new CandidateSpec("yusuf-demir", "Yusuf", "Demir", "yusuf.demir@example.org", "+90 532 555 4410",
                                "https://www.linkedin.com/in/yusuf-demir", "EVENT", List.of("embedded", "rust")),
                        new CandidateSpec("lea-fontaine", "Léa", "Fontaine", "lea.fontaine@example.org", "+33 6 55 50 12 34",
                                "https://www.linkedin.com/in/lea-fontaine", "AGENCY_DATABASE", List.of("figma", "ux-research", "healthcare"))),
                List.of(
                        apply("thandiwe-nkosi", "backend",
                                List.of(new DebriefSpec(1,
                                        "Clear walkthrough of the payments migration she led; good rapport with Ingrid.",
                                        "Hesitated on consistency trade-offs when asked about the outbox pattern.",
                                        "Lead with the on-call ownership story; prepare a concrete example of choosing availability over consistency.",
                                        "SHARED_WITH_HIRING_MANAGER")),
                                List.of(new FollowUpSpec(1, "Ingrid Solberg-Haugen", "ingrid.solberg-haugen@ambrion.example",
                                        "THANK_YOU_NOTE", 13, "Thanked Ingrid for the first interview and the platform roadmap overview.")),
                                stage("SCREENING", "CV matches the platform team's Java and Kafka needs"),
                                round(1, "Screen passed; booked with the hiring manager"),
                                round(2, "Hiring manager wants the system-design deep dive")),
                        apply("mikael-jarvinen", "backend",
                                List.of(new DebriefSpec(2,
                                        "Strong on AWS cost trade-offs; sketched the event flow quickly.",
                                        "Went quiet when the panel pushed on database migrations without downtime.",
                                        "Bring the zero-downtime migration he ran at his last employer to the onsite.",
                                        "INTERNAL")),
                                List.of(new FollowUpSpec(3, "Jonas Brückner", "jonas.brueckner@helix-robotics.example",
                                        "CHECK_IN", 1, "Checked in about the onsite loop; Mikael is waiting on a counter-offer.")),
                                stage("SCREENING", "Referred by a former Helix engineer"),
                                round(1, "Good first call"),
                                round(2, null),
                                round(3, "Technical round went well"),
                                stage("FINALIST", "Onsite loop feedback positive across the board"),
                                stage("OFFER", "Helix approved the offer")),
                        apply("tomas-oraghallaigh", "backend",
                                stage("SCREENING", null),
                                stage("REJECTED", "Needs more production experience with distributed systems")),
                        apply("priyanka-venkataraman", "controls",
                                round(1, "Straight to the phone screen: strong ROS background")),
                        apply("yusuf-demir", "controls"),
                        apply("lea-fontaine", "designer",
                                List.of(new DebriefSpec(3,
                                        "The CPO loved her clinician shadowing approach.",
                                        "Salary expectations were above the band.",
                                        "Prepare the offer conversation around the hybrid schedule.",
                                        "SHARED_WITH_HIRING_MANAGER")),
                                List.of(),
                                stage("SCREENING", null),
                                round(1, null),
                                round(2, "Portfolio stood out"),
                                round(3, null),
                                stage("OFFER", "Offer at the top of the band"),
                                stage("HIRED", "Signed; starts on the first of next month"))));
    }

    static TenantSpec northwind() {
        return new TenantSpec("northwind", "northwind-recruiter",
                List.of(
                        new ClientSpec("kestrel", "Kestrel Freight Systems Inc.", "Logistics software", "https://kestrel-freight.example",
                                List.of(new Contact("Olumide Adeyemi", "CTO", "olumide.adeyemi@kestrel-freight.example", "+1 416 555 0142"),
                                        new Contact("Hannah Kowalczyk", "People Operations Lead",
                                                "hannah.kowalczyk@kestrel-freight.example", "+1 416 555 0178"))),
                        new ClientSpec("bayview", "Bayview Credit Union", "Financial services", "https://bayview-cu.example",
                                List.of(new Contact("Marie-Ève Tremblay", "HR Director",
                                        "marie-eve.tremblay@bayview-cu.example", "+1 514 555 0120")))),
                List.of(
                        new JobSpec("data", "kestrel", "Staff Data Engineer", "Data Platform", "Toronto, remote-friendly",
                                NORTHWIND_HIRING_MANAGER, "Chiamaka Okafor", "chiamaka.okafor@northwind.example",
                                List.of(new Round(1, "First interview: hiring manager", "FIRST_INTERVIEW"),
                                        new Round(2, "Data modelling exercise", "TECHNICAL"),
                                        new Round(3, "Meet the CTO", "EXECUTIVE"))),
                        new JobSpec("sre", "kestrel", "Site Reliability Engineer", "Infrastructure", "Toronto, hybrid",
                                NORTHWIND_EXTERNAL_HM_1, "Olumide Adeyemi", "olumide.adeyemi@kestrel-freight.example",
                                List.of(new Round(1, "Phone screen", "PHONE_SCREEN"),
                                        new Round(2, "Incident review exercise", "TECHNICAL"),
                                        new Round(3, "Panel with the infrastructure team", "PANEL"))),
                        new JobSpec("analyst", "bayview", "Senior Business Analyst, Lending", "Lending", "Montréal, on site",
                                NORTHWIND_EXTERNAL_HM_2, "Marie-Ève Tremblay", "marie-eve.tremblay@bayview-cu.example",
                                List.of(new Round(1, "First interview", "FIRST_INTERVIEW"),
                                        new Round(2, "Case study panel", "PANEL"),
                                        new Round(3, "Final with the VP Lending", "FINAL")))),
                List.of(
                        new CandidateSpec("minh-anh-hoang", "Minh Anh", "Hoàng", "minhanh.hoang@example.net", "+1 647 555 0199",
                                "https://www.linkedin.com/in/minh-anh-hoang", "LINKEDIN", List.of("spark", "dbt", "python")),
                        new CandidateSpec("gabriela-sanchez", "Gabriela", "Sánchez Villalobos", "gabriela.sanchez@example.net",
                                "+52 55 5550 3311", "https://www.linkedin.com/in/gabriela-sanchez-villalobos", "JOB_BOARD",
                                List.of("sql", "airflow")),
                        new CandidateSpec("oluwaseun-bakare", "Oluwaseun", "Bakare", "oluwaseun.bakare@example.net", "+1 416 555 0111",
                                "https://www.linkedin.com/in/oluwaseun-bakare", "CLIENT_REFERRAL", List.of("kubernetes", "terraform", "sre")),
                        new CandidateSpec("ananya-krishnamurthy", "Ananya", "Krishnamurthy", "ananya.k@example.net", "+1 905 555 0160",
                                "https://www.linkedin.com/in/ananya-krishnamurthy", "REFERRAL", List.of("kafka", "scala")),
                        new CandidateSpec("eilidh-macleod", "Eilidh", "MacLeod", "eilidh.macleod@example.net", "+1 514 555 0187",
                                "https://www.linkedin.com/in/eilidh-macleod", "AGENCY_DATABASE", List.of("lending", "business-analysis")),
                        new CandidateSpec("jean-baptiste-nkurunziza", "Jean-Baptiste", "Nkurunziza", "jb.nkurunziza@example.net",
                                "+1 613 555 0135", "https://www.linkedin.com/in/jean-baptiste-nkurunziza", "OTHER",
                                List.of("linux", "observability"))),
                List.of(
                        apply("minh-anh-hoang", "data",
                                List.of(new DebriefSpec(1,
                                        "Explained the lakehouse migration crisply; Chiamaka liked her stakeholder stories.",
                                        "Slow to size the streaming volumes in the back-of-the-envelope question.",
                                        "Practise capacity estimates out loud; bring numbers from the migration.",
                                        "SHARED_WITH_HIRING_MANAGER")),
                                List.of(new FollowUpSpec(1, "Chiamaka Okafor", "chiamaka.okafor@northwind.example",
                                        "THANK_YOU_NOTE", 2, "Sent a thank-you note after the first interview.")),
                                round(1, "Strong profile; straight to the hiring manager"),
                                round(2, "Hiring manager wants the data modelling exercise")),
                        apply("gabriela-sanchez", "data",
                                stage("SCREENING", null),
                                round(1, null),
                                stage("REJECTED", "Looking for more streaming experience")),
                        apply("oluwaseun-bakare", "sre",
                                stage("SCREENING", "Referred by Kestrel's infrastructure lead"),
                                round(1, null),
                                round(2, "Excellent incident write-up"),
                                round(3, null),
                                stage("FINALIST", "Panel recommends hiring")),
                        apply("ananya-krishnamurthy", "data",
                                stage("SCREENING", "Kafka background is a good fit")),
                        apply("eilidh-macleod", "analyst",
                                List.of(),
                                List.of(new FollowUpSpec(3, "Marie-Ève Tremblay", "marie-eve.tremblay@bayview-cu.example",
                                        "THANK_YOU_NOTE", 5, "Thanked Marie-Ève for arranging the final with the VP Lending.")),
                                round(1, null),
                                round(2, null),
                                round(3, "Case study was the best of the cohort"),
                                stage("OFFER", null),
                                stage("HIRED", "Accepted")),
                        apply("jean-baptiste-nkurunziza", "sre",
                                stage("SCREENING", null),
                                stage("WITHDRAWN", "Accepted another offer"))));
    }
}
