package dev.secondround.e2e;

import static dev.secondround.e2e.Calls.etag;
import static dev.secondround.e2e.Calls.eventually;
import static dev.secondround.e2e.Calls.ok;
import static dev.secondround.e2e.Calls.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.client.candidate.model.Application;
import dev.secondround.client.candidate.model.ApplicationRequest;
import dev.secondround.client.candidate.model.ApplicationStage;
import dev.secondround.client.candidate.model.CandidateRequest;
import dev.secondround.client.candidate.model.CandidateSource;
import dev.secondround.client.candidate.model.ClientRequest;
import dev.secondround.client.candidate.model.Debrief;
import dev.secondround.client.candidate.model.DebriefRequest;
import dev.secondround.client.candidate.model.DebriefVisibility;
import dev.secondround.client.candidate.model.HiringManager;
import dev.secondround.client.candidate.model.InterviewRound;
import dev.secondround.client.candidate.model.JobRequest;
import dev.secondround.client.candidate.model.RoundKind;
import dev.secondround.client.candidate.model.StageChangeRequest;
import dev.secondround.client.feedback.model.AntiAnchoring;
import dev.secondround.client.feedback.model.ComparisonRow;
import dev.secondround.client.feedback.model.Decision;
import dev.secondround.client.feedback.model.DecisionRequest;
import dev.secondround.client.feedback.model.DeliveryStatus;
import dev.secondround.client.feedback.model.FeedbackComparison;
import dev.secondround.client.feedback.model.FeedbackPolicy;
import dev.secondround.client.feedback.model.FeedbackPolicyRequest;
import dev.secondround.client.feedback.model.FeedbackRequest;
import dev.secondround.client.feedback.model.FeedbackSummary;
import dev.secondround.client.feedback.model.Outcome;
import dev.secondround.client.feedback.model.Recommendation;
import dev.secondround.client.feedback.model.Scorecard;
import dev.secondround.client.feedback.model.ScorecardRequest;
import dev.secondround.client.feedback.model.FeedbackRequestStatus;
import dev.secondround.client.scheduling.model.AvailabilityWindow;
import dev.secondround.client.scheduling.model.ChosenOption;
import dev.secondround.client.scheduling.model.ChosenSession;
import dev.secondround.client.scheduling.model.CreateLoopRequest;
import dev.secondround.client.scheduling.model.InterviewerRequest;
import dev.secondround.client.scheduling.model.InterviewerRole;
import dev.secondround.client.scheduling.model.Itinerary;
import dev.secondround.client.scheduling.model.ItineraryPerson;
import dev.secondround.client.scheduling.model.Loop;
import dev.secondround.client.scheduling.model.LoopOption;
import dev.secondround.client.scheduling.model.LoopPlan;
import dev.secondround.client.scheduling.model.LoopPlanRequest;
import dev.secondround.client.scheduling.model.LoopSession;
import dev.secondround.client.scheduling.model.OrderRule;
import dev.secondround.client.scheduling.model.PlannedParticipant;
import dev.secondround.client.scheduling.model.PlannedSession;
import dev.secondround.client.scheduling.model.ReplacementRequest;
import dev.secondround.client.scheduling.model.RoomKind;
import dev.secondround.client.scheduling.model.RoomRequest;
import dev.secondround.client.scheduling.model.RuleType;
import dev.secondround.client.scheduling.model.SessionKind;
import dev.secondround.client.scheduling.model.TimeOfDayWindow;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole second round, told as the people of the ambrion agency live it, on the real stack (see
 * {@link PlatformStack}): every call goes through the clients generated from the committed OpenAPI
 * documents, with tokens Keycloak issued to each person. Steps run in order and build on each other.
 * <p>
 * Time: the services refuse feedback before a participant's session has started and refuse to change a
 * loop once it has started, and a test cannot wait for a day to pass. So Thandiwe's round 2 loop, whose
 * feedback the story follows, is planned on last week's days (the scheduling service plans and books past
 * days, as the demo data does), and the drop-out happens on Léa's loop, which is planned for the coming
 * two weeks: before its day, as in real life.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("A second round at ambrion, end to end")
class SecondRoundStoryTest {

    /** Each step builds on the one before: after a failure the rest are skipped, not failed with follow-on errors. */
    @RegisterExtension
    final StopAfterFirstFailure story = new StopAfterFirstFailure();

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Duration ASYNC = Duration.ofSeconds(60);

    /** The realm's fixed user ids (deploy/keycloak/secondround-realm.json): directory entries are linked to them. */
    static final Map<String, String> SUBJECTS = Map.of(
            "ambrion-hiring-manager", "a0000000-0000-4000-8000-000000000003",
            "ambrion-interviewer", "a0000000-0000-4000-8000-000000000004",
            "ambrion-ravi", "a0000000-0000-4000-8000-000000000011",
            "ambrion-chloe", "a0000000-0000-4000-8000-000000000012",
            "ambrion-ana", "a0000000-0000-4000-8000-000000000013",
            "ambrion-greta", "a0000000-0000-4000-8000-000000000014",
            "ambrion-oskar", "a0000000-0000-4000-8000-000000000015",
            "ambrion-jonas", "a0000000-0000-4000-8000-000000000101");

    /** The cast: login → (name, title, role kind). */
    record Person(String login, String name, String title, InterviewerRole role) {
    }

    static final Person INGRID = new Person("ambrion-hiring-manager", "Ingrid Solberg-Haugen", "Head of Platform Engineering", InterviewerRole.HIRING_MANAGER);
    static final Person CHLOE = new Person("ambrion-chloe", "Chloé Marchetti-Dubois", "Engineering Manager, Payments", InterviewerRole.SUPERVISOR);
    static final Person JONAS = new Person("ambrion-jonas", "Jonas Brückner", "VP Engineering", InterviewerRole.EXECUTIVE);
    static final Person KWAME = new Person("ambrion-interviewer", "Kwame Mensah-Boateng", "Senior Software Engineer", InterviewerRole.PEER);
    static final Person ANA = new Person("ambrion-ana", "Ana Beatriz Figueiredo", "Staff Software Engineer", InterviewerRole.PEER);
    static final Person RAVI = new Person("ambrion-ravi", "Ravi Subramaniam", "Principal Engineer", InterviewerRole.PEER);
    static final Person GRETA = new Person("ambrion-greta", "Greta Vogelsang", "Office Manager", InterviewerRole.TOUR_GUIDE);
    static final Person OSKAR = new Person("ambrion-oskar", "Oskar Lindqvist", "Software Engineer", InterviewerRole.DIRECT_REPORT);
    static final List<Person> CAST = List.of(INGRID, CHLOE, JONAS, KWAME, ANA, RAVI, GRETA, OSKAR);

    PlatformStack stack;
    Apis apis;
    Apis.As recruiter;
    Apis.As coordinator;
    Apis.As hiringManager;

    // What the story creates, step by step.
    UUID jobId;
    UUID thandiwe;   // the candidate the story follows
    UUID mikael;     // the other finalist
    UUID lea;        // the candidate whose upcoming loop loses an interviewer
    final Map<Person, UUID> interviewerIds = new LinkedHashMap<>();
    Loop thandiweRound2;
    Loop leaRound2;
    final Map<UUID, UUID> decisions = new HashMap<>();

    @BeforeAll
    void startThePlatform() {
        stack = PlatformStack.get();
        apis = new Apis(stack);
        recruiter = apis.as("ambrion-recruiter");
        coordinator = apis.as("ambrion-coordinator");
        hiringManager = apis.as(INGRID.login());
    }

    @Test
    @Order(1)
    @DisplayName("A recruiter creates a client, a job with three rounds, candidates and their applications")
    void recruiterSetsUpTheSearch() {
        UUID clientId = ok(() -> recruiter.clients.createClient(new ClientRequest().name("Helix Robotics GmbH")
                .industry("Industrial automation").website("https://helix-robotics.example"), key())).getId();
        jobId = ok(() -> recruiter.jobs.createJob(new JobRequest().clientId(clientId).title("Senior Backend Engineer (Java)")
                .department("Platform Engineering").location("Berlin, hybrid")
                .hiringManager(new HiringManager().subject(SUBJECTS.get(INGRID.login())).name(INGRID.name())
                        .email("ingrid.solberg-haugen@ambrion.example"))
                .interviewPlan(List.of(
                        new InterviewRound().number(1).name("First interview: hiring manager").kind(RoundKind.FIRST_INTERVIEW),
                        new InterviewRound().number(2).name("Second round: meet the team").kind(RoundKind.ONSITE_LOOP),
                        new InterviewRound().number(3).name("Final conversation").kind(RoundKind.FINAL))), key())).getId();
        thandiwe = apply("Thandiwe", "Nkosi", "thandiwe.nkosi@example.org", CandidateSource.LINKEDIN);
        mikael = apply("Mikael", "Järvinen", "mikael.jarvinen@example.org", CandidateSource.REFERRAL);
        lea = apply("Léa", "Fontaine", "lea.fontaine@example.org", CandidateSource.JOB_BOARD);

        Application application = ok(() -> hiringManager.applications.getApplication(thandiwe));
        assertEquals("Senior Backend Engineer (Java)", application.getJob().getTitle(), "the hiring manager sees the application to her job");
        assertEquals(ApplicationStage.APPLIED, application.getStage());
    }

    @Test
    @Order(2)
    @DisplayName("A coordinator enters the interviewers, each linked to their sign-in, and the client's rooms; the admin sets the feedback policy")
    void coordinatorEntersTheInterviewers() {
        for (String[] room : new String[][] {{"Fjord", "6"}, {"Spree", "10"}, {"Kantine", "12"}}) {
            ok(() -> coordinator.rooms.createRoom(new RoomRequest().name(room[0]).kind(RoomKind.IN_PERSON).building("Helix HQ, Torstraße 49").floor("3")
                    .capacity(Integer.parseInt(room[1])), key()));
        }
        for (Person person : CAST) {
            String email = person.name().toLowerCase().replaceAll("[^a-z]+", ".") + "@helix-robotics.example";
            interviewerIds.put(person, ok(() -> coordinator.interviewers.createInterviewer(new InterviewerRequest()
                    .fullName(person.name()).title(person.title()).roleKind(person.role()).email(email)
                    .timeZone(BERLIN.getId()).oidcSubject(SUBJECTS.get(person.login())), key())).getId());
        }
        assertEquals(INGRID.name(), ok(() -> apis.as(INGRID.login()).interviewers.getMyInterviewerEntry()).getFullName(),
                "Ingrid finds her own directory entry by her sign-in");

        // The agency's admin sets how feedback works: nobody reads the others' scorecards before writing their own.
        Apis.As admin = apis.as("ambrion-admin");
        String etag = etag(ok(() -> admin.feedbackPolicy.getFeedbackPolicyWithHttpInfo()).getHeaders());
        FeedbackPolicy policy = ok(() -> admin.feedbackPolicy.updateFeedbackPolicy(new FeedbackPolicyRequest()
                .antiAnchoring(AntiAnchoring.AFTER_SUBMITTING).dueHoursAfterLoop(48).reminderEveryHours(24).escalateAfterHours(72), etag));
        assertEquals(AntiAnchoring.AFTER_SUBMITTING, policy.getAntiAnchoring());
        assertEquals(403, refused(() -> coordinator.feedbackPolicy.updateFeedbackPolicy(new FeedbackPolicyRequest()
                .antiAnchoring(AntiAnchoring.ALWAYS), etag)).status(), "only an admin changes it");
    }

    @Test
    @Order(3)
    @DisplayName("Round 1: Ingrid meets Thandiwe, writes her scorecard; the recruiter records the debrief and moves her to round 2")
    void roundOne() {
        moveTo(thandiwe, ApplicationStage.ROUND, 1, "CV matches the platform team's needs");
        LocalDate day = weekdayOnOrBefore(LocalDate.now(BERLIN).minusDays(14));
        Loop loop = book(thandiwe, 1, "First interview", day, day,
                List.of(session("hiring-manager", "First conversation with Ingrid", SessionKind.INTERVIEW, 45, INGRID)));
        awaitRequests(loop, 1);
        submit(INGRID, loop, ratings(3, 3, 4, 4, 3, 4, 4, 4), Recommendation.YES,
                "Walked me through the payments migration she led, on time and warm with everyone.");

        Debrief debrief = ok(() -> recruiter.debriefs.createDebrief(thandiwe, new DebriefRequest().round(1)
                .wentWell("Clear walkthrough of the payments migration; good rapport with Ingrid.")
                .struggledWith("Hesitated on consistency trade-offs around the outbox pattern.")
                .emphasiseNextRound("Lead with the on-call ownership story.")
                .visibility(DebriefVisibility.SHARED_WITH_HIRING_MANAGER), key()));
        assertEquals(1, debrief.getRound());
        assertEquals(1, ok(() -> hiringManager.debriefs.listDebriefs(thandiwe, null, null, 1, null)).getItems().size(),
                "the hiring manager reads the debrief shared with her");

        Application moved = moveTo(thandiwe, ApplicationStage.ROUND, 2, "Ingrid wants her to meet the team");
        assertEquals(2, moved.getCurrentRound());
    }

    @Test
    @Order(4)
    @DisplayName("A coordinator asks for options for the loop (manager, supervisor, the manager's boss, a peer panel, a tour, lunch) and books one")
    void coordinatorPlansAndBooksTheLoop() {
        LocalDate lastWeek = weekdayOnOrBefore(LocalDate.now(BERLIN).minusDays(7));
        LoopPlan plan = ok(() -> coordinator.planning.planLoop(secondRoundPlan(thandiwe, lastWeek, lastWeek, 3, ANA)));
        assertFalse(plan.getOptions().isEmpty(), () -> "options for the loop: " + plan.getExplanation());
        LoopOption best = plan.getOptions().get(0);
        assertEquals(6, best.getSessions().size(), "every session of the loop is in the option");
        assertEquals("hiring-manager", best.getSessions().get(0).getSessionId(), "the hiring manager goes first, as asked");
        thandiweRound2 = ok(() -> coordinator.loops.createLoop(new CreateLoopRequest().title("Second round: Senior Backend Engineer (Java)")
                .plan(secondRoundPlan(thandiwe, lastWeek, lastWeek, 3, ANA)).option(chosen(best)), key()));
        assertEquals(lastWeek, thandiweRound2.getDay());
        assertEquals(7, participants(thandiweRound2).size(), "seven people meet Thandiwe");
    }

    @Test
    @Order(5)
    @DisplayName("The itinerary and the calendar invites name everyone")
    void itineraryAndInvitesNameEveryone() throws Exception {
        Itinerary itinerary = ok(() -> coordinator.loops.getItinerary(thandiweRound2.getId()));
        assertEquals("Thandiwe Nkosi", itinerary.getCandidateName());
        Set<String> named = itinerary.getStops().stream().flatMap(stop -> stop.getPeople().stream())
                .map(ItineraryPerson::getFullName).collect(Collectors.toSet());
        assertEquals(Set.of(INGRID.name(), CHLOE.name(), JONAS.name(), KWAME.name(), ANA.name(), GRETA.name(), OSKAR.name()), named);

        String candidateInvite = unfold(calendar("/v1/loops/" + thandiweRound2.getId() + "/invites/candidate.ics"));
        assertTrue(candidateInvite.contains("BEGIN:VEVENT"), candidateInvite);
        for (Person person : List.of(INGRID, CHLOE, JONAS, KWAME, ANA, GRETA, OSKAR)) {
            assertTrue(candidateInvite.contains(person.name()), () -> "the candidate's invite names " + person.name() + ":\n" + candidateInvite);
        }
        for (Person person : List.of(INGRID, CHLOE, JONAS, KWAME, ANA, GRETA, OSKAR)) {
            String invite = unfold(calendar("/v1/loops/" + thandiweRound2.getId() + "/invites/" + interviewerIds.get(person) + ".ics"));
            assertTrue(invite.contains(person.name()), () -> person.name() + " is named in their invite:\n" + invite);
        }
        String panelInvite = unfold(calendar("/v1/loops/" + thandiweRound2.getId() + "/invites/" + interviewerIds.get(KWAME) + ".ics"));
        assertTrue(panelInvite.contains(ANA.name()), "the panel's invite names both peers");
    }

    @Test
    @Order(6)
    @DisplayName("Every participant finds their feedback request")
    void everyParticipantFindsAFeedbackRequest() {
        awaitRequests(thandiweRound2, 7);
        for (Person person : List.of(INGRID, CHLOE, JONAS, KWAME, ANA, GRETA, OSKAR)) {
            List<FeedbackRequest> mine = ok(() -> apis.as(person.login()).feedbackRequests
                    .listFeedbackRequests(null, null, null, thandiweRound2.getId(), true, null, null, null)).getItems();
            assertEquals(1, mine.size(), person.name() + " has one request for the loop");
            assertEquals(person.name(), mine.get(0).getParticipant().getName());
            assertEquals(FeedbackRequestStatus.OPEN, mine.get(0).getStatus());
        }
    }

    @Test
    @Order(7)
    @DisplayName("An interviewer cannot read the others' scorecards until they have submitted their own; then all submit")
    void antiAnchoringThenEveryoneSubmits() {
        submit(CHLOE, thandiweRound2, ratings(4, 4, 3, 3, 3, 3, 3, 3), Recommendation.STRONG_YES,
                "Best system-design session this year; a little impatient when requirements changed.");
        submit(JONAS, thandiweRound2, ratings(3, 3, 2, 3, 3, 3, 2, 3), Recommendation.YES,
                "Strong on substance; curt when I asked about her last team.");

        Apis.As kwame = apis.as(KWAME.login());
        Calls.Refusal hidden = refused(() -> kwame.scorecards.listScorecards(thandiwe, null, null, 2, null));
        assertEquals(403, hidden.status());
        assertTrue(hidden.body().contains("scorecards-hidden"), hidden.body());
        UUID chloesScorecard = ok(() -> recruiter.scorecards.listScorecards(thandiwe, null, null, 2, null)).getItems().stream()
                .filter(s -> CHLOE.name().equals(s.getAuthorName())).findFirst().orElseThrow().getId();
        assertEquals(403, refused(() -> kwame.scorecards.getScorecard(chloesScorecard)).status(), "not one by one either");
        assertEquals(403, refused(() -> kwame.summaries.getFeedbackSummary(thandiwe, 2)).status(), "nor the aggregate");
        assertEquals(403, refused(() -> hiringManager.summaries.getFeedbackSummary(thandiwe, 2)).status(),
                "the hiring manager too waits until her own scorecard is in");

        submit(KWAME, thandiweRound2, ratings(3, 3, 1, 2, 2, 2, 1, 2), Recommendation.STRONG_NO,
                "Dismissive when Ana questioned her caching approach; interrupted us both.");
        assertEquals(3, ok(() -> kwame.scorecards.listScorecards(thandiwe, null, null, 2, null)).getItems().size(),
                "once his own is in, Kwame reads the panel's");

        submit(ANA, thandiweRound2, ratings(4, 3, 2, 3, 2, 3, 2, 3), Recommendation.YES,
                "Technically the strongest candidate; brushed my question off instead of explaining.");
        submit(GRETA, thandiweRound2, light(2, 3, 2), Recommendation.NO, "On her phone for most of the tour.");
        submit(OSKAR, thandiweRound2, light(3, 4, 3), Recommendation.YES, "Relaxed at lunch; asked about our deploy pipeline.");
        submit(INGRID, thandiweRound2, ratings(3, 3, 2, 3, 3, 3, 2, 3), Recommendation.YES,
                "Sound design, defended well; arrived late and was curt with the panel.");
        var status = ok(() -> hiringManager.feedbackStatus.getLoopFeedbackStatus(thandiweRound2.getId()));
        assertEquals(7, status.getCounts().getSubmitted());
        assertEquals(0, status.getCounts().getOutstanding());
    }

    @Test
    @Order(8)
    @DisplayName("An interviewer drops out of an upcoming loop before the day and is replaced")
    void anInterviewerDropsOutAndIsReplaced() throws Exception {
        moveTo(lea, ApplicationStage.ROUND, 1, "Strong portfolio");
        moveTo(lea, ApplicationStage.ROUND, 2, "Straight to the team");
        LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
        LoopPlan plan = ok(() -> coordinator.planning.planLoop(secondRoundPlan(lea, tomorrow, tomorrow.plusDays(13), 3, ANA)));
        assertFalse(plan.getOptions().isEmpty(), () -> "options for Léa's loop: " + plan.getExplanation());
        leaRound2 = ok(() -> coordinator.loops.createLoop(new CreateLoopRequest().title("Second round: Léa Fontaine")
                .plan(secondRoundPlan(lea, tomorrow, tomorrow.plusDays(13), 3, ANA)).option(chosen(plan.getOptions().get(0))), key()));
        awaitRequests(leaRound2, 7);
        UUID anasRequest = mine(ANA, leaRound2).getId();

        String etag = etag(ok(() -> coordinator.loops.getLoopWithHttpInfo(leaRound2.getId())).getHeaders());
        Loop replaced = ok(() -> coordinator.loops.replaceParticipant(leaRound2.getId(), new ReplacementRequest()
                .interviewerId(interviewerIds.get(ANA)).replacementId(interviewerIds.get(RAVI))
                .reason("Ana is at a conference that week"), etag));
        Set<UUID> now = participants(replaced);
        assertTrue(now.contains(interviewerIds.get(RAVI)) && !now.contains(interviewerIds.get(ANA)), "Ravi sits on the panel instead of Ana");

        Itinerary itinerary = ok(() -> coordinator.loops.getItinerary(leaRound2.getId()));
        Set<String> named = itinerary.getStops().stream().flatMap(stop -> stop.getPeople().stream())
                .map(ItineraryPerson::getFullName).collect(Collectors.toSet());
        assertTrue(named.contains(RAVI.name()) && !named.contains(ANA.name()), "the itinerary names Ravi, not Ana: " + named);
        String invite = unfold(calendar("/v1/loops/" + leaRound2.getId() + "/invites/" + interviewerIds.get(RAVI) + ".ics"));
        assertTrue(invite.contains(RAVI.name()) && invite.contains(KWAME.name()), "Ravi's invite names him and his panel partner");

        Apis.As ana = apis.as(ANA.login());
        eventually("Ana's request withdrawn", ASYNC, () -> ana.feedbackRequests.getFeedbackRequest(anasRequest),
                request -> request.getStatus() == FeedbackRequestStatus.WITHDRAWN);
        FeedbackRequest ravis = eventually("Ravi's request", ASYNC,
                () -> apis.as(RAVI.login()).feedbackRequests.listFeedbackRequests(null, null, null, leaRound2.getId(), true, null, null, null).getItems(),
                items -> items.size() == 1).get(0);
        assertEquals(FeedbackRequestStatus.OPEN, ravis.getStatus());
        assertEquals(RAVI.name(), ravis.getParticipant().getName());
        // He can prepare a draft now; feedback itself waits until he has met her.
        Apis.As ravi = apis.as(RAVI.login());
        var draft = ok(() -> ravi.scorecards.saveScorecardWithHttpInfo(ravis.getId(),
                new ScorecardRequest().notes("Prep: read her portfolio and the round 1 debrief"), null));
        Calls.Refusal early = refused(() -> ravi.scorecards.submitScorecard(ravis.getId(), etag(draft.getHeaders())));
        assertEquals(409, early.status());
        assertTrue(early.body().contains("once you have met them"), early.body());
    }

    @Test
    @Order(9)
    @DisplayName("The hiring manager reads the panel at a glance, with the change since round one")
    void hiringManagerReadsTheAggregate() {
        FeedbackSummary summary = ok(() -> hiringManager.summaries.getFeedbackSummary(thandiwe, 2));
        assertEquals(7, summary.getRecommendations().getTotal());
        assertEquals(5, summary.getRecommendations().getYesSide());
        assertEquals(2, summary.getRecommendations().getNoSide());
        assertTrue(summary.getDisagreement().getFlagged(), "a split panel is flagged: " + summary.getDisagreement());
        assertEquals(List.of(1, 2), summary.getRoundsWithScorecards());
        BigDecimal demeanour = summary.getAttributes().stream().filter(a -> a.getKey().equals("professional_demeanour"))
                .findFirst().orElseThrow().getMean();
        assertTrue(demeanour.compareTo(new BigDecimal("2.5")) < 0, "demeanour mean " + demeanour);
        assertTrue(summary.getChanges().getNotable().stream().anyMatch(line -> line.contains("since round 1")),
                "the change since round 1 is spelled out: " + summary.getChanges().getNotable());
    }

    @Test
    @Order(10)
    @DisplayName("The hiring manager compares two finalists and decides on an offer; the application's stage follows")
    void hiringManagerComparesFinalistsAndDecides() {
        // The other finalist: Mikael's round 2 with Ingrid and the peer panel, held a few days before Thandiwe's.
        moveTo(mikael, ApplicationStage.ROUND, 1, "Referred by a former Helix engineer");
        moveTo(mikael, ApplicationStage.ROUND, 2, "Good first call");
        LocalDate day = weekdayOnOrBefore(thandiweRound2.getDay().minusDays(1));
        Loop mikaels = book(mikael, 2, "Second round: Mikael Järvinen", day, day, List.of(
                session("hiring-manager", "Conversation with Ingrid", SessionKind.INTERVIEW, 45, INGRID),
                session("peers", "Panel with future peers", SessionKind.PANEL, 45, KWAME, ANA)));
        awaitRequests(mikaels, 3);
        submit(INGRID, mikaels, ratings(3, 3, 3, 3, 3, 3, 4, 3), Recommendation.YES, "Solid, calm, good questions.");
        submit(KWAME, mikaels, ratings(3, 2, 3, 3, 3, 3, 4, 3), Recommendation.YES, "Pleasant; less depth on migrations.");
        submit(ANA, mikaels, ratings(2, 3, 3, 3, 3, 3, 4, 3), Recommendation.NO, "Went quiet on zero-downtime migrations.");

        decide(thandiwe, Outcome.FINALIST, "Strongest technically; demeanour to test with references");
        decide(mikael, Outcome.FINALIST, "Steady all round");
        assertEquals(ApplicationStage.FINALIST, ok(() -> recruiter.applications.getApplication(thandiwe)).getStage());
        assertEquals(ApplicationStage.FINALIST, ok(() -> recruiter.applications.getApplication(mikael)).getStage());

        FeedbackComparison comparison = ok(() -> hiringManager.comparison.compareCandidates(jobId, "desc", null, "overall"));
        List<ComparisonRow> finalists = comparison.getRows().stream().filter(ComparisonRow::getFinalist).toList();
        assertEquals(Set.of("Thandiwe Nkosi", "Mikael Järvinen"), finalists.stream().map(ComparisonRow::getCandidateName).collect(Collectors.toSet()));
        for (ComparisonRow row : finalists) {
            assertNotNull(row.getOverall(), row.getCandidateName() + " has an overall score");
            assertTrue(row.getAttributes().containsKey("professional_demeanour"), "same columns for every candidate");
        }
        assertTrue(comparison.getRows().get(0).getOverall().compareTo(comparison.getRows().get(1).getOverall()) >= 0, "sorted by overall");

        Decision offer = decide(thandiwe, Outcome.OFFER, "Best design skills; references confirmed the late arrival was a train delay");
        assertEquals("OFFER", offer.getDelivery().getAppliedStage());
        assertEquals(ApplicationStage.OFFER, ok(() -> recruiter.applications.getApplication(thandiwe)).getStage(),
                "the candidate service shows the offer");
    }

    @Test
    @Order(11)
    @DisplayName("The agency's ATS, with its own client credentials, reads the outcome through the generated clients")
    void atsReadsTheOutcome() {
        Apis.As ats = apis.client("ambrion-ats", "ambrion-ats-secret");
        assertEquals(ApplicationStage.OFFER, ok(() -> ats.applications.getApplication(thandiwe)).getStage());
        List<Decision> jobDecisions = ok(() -> ats.decisions.listDecisions(null, null, jobId, 100, null)).getItems();
        assertTrue(jobDecisions.stream().anyMatch(d -> d.getApplicationId().equals(thandiwe) && d.getOutcome() == Outcome.OFFER
                && d.getDelivery().getStatus() == DeliveryStatus.APPLIED), "the ATS sees the applied offer: " + jobDecisions);
        assertEquals(ApplicationStage.OFFER, ok(() -> ats.applications.listApplications(null, null, jobId, 100, ApplicationStage.OFFER, null))
                .getItems().stream().filter(a -> a.getId().equals(thandiwe)).findFirst().orElseThrow().getStage());
    }

    @Test
    @Order(12)
    @DisplayName("The same calls with the other tenant's tokens find nothing")
    void otherTenantFindsNothing() {
        for (Apis.As northwind : List.of(apis.as("northwind-recruiter"), apis.as("northwind-hiring-manager"),
                apis.client("northwind-ats", "northwind-ats-secret"))) {
            assertEquals(404, refused(() -> northwind.applications.getApplication(thandiwe)).status());
            assertEquals(404, refused(() -> northwind.jobs.getJob(jobId)).status());
            assertTrue(ok(() -> northwind.applications.listApplications(null, null, jobId, 100, null, null)).getItems().isEmpty());
            assertTrue(ok(() -> northwind.decisions.listDecisions(null, null, jobId, 100, null)).getItems().isEmpty());
            assertEquals(404, refused(() -> northwind.decisions.getDecision(decisions.get(thandiwe))).status());
            assertEquals(404, refused(() -> northwind.summaries.getFeedbackSummary(thandiwe, 2)).status());
            assertEquals(404, refused(() -> northwind.comparison.compareCandidates(jobId, null, null, null)).status());
        }
        Apis.As northwindRecruiter = apis.as("northwind-recruiter");
        assertTrue(ok(() -> northwindRecruiter.candidates.searchCandidates(null, "thandiwe.nkosi@example.org", 10, null, null, null))
                .getItems().isEmpty());
        assertEquals(404, refused(() -> northwindRecruiter.debriefs.listDebriefs(thandiwe, null, null, null, null)).status());
        assertTrue(ok(() -> northwindRecruiter.feedbackRequests.listFeedbackRequests(thandiwe, null, null, null, null, null, null, null))
                .getItems().isEmpty());
        Calls.Outcome scorecards = Calls.outcome(() -> northwindRecruiter.scorecards.listScorecards(thandiwe, null, null, null, null).getItems());
        assertTrue(scorecards.status() == 404 || ((List<?>) scorecards.answer()).isEmpty(), "no scorecards of ours: " + scorecards);
        Apis.As northwindCoordinator = apis.as("northwind-coordinator");
        assertEquals(404, refused(() -> northwindCoordinator.loops.getLoop(thandiweRound2.getId())).status());
        assertEquals(404, refused(() -> northwindCoordinator.loops.getItinerary(thandiweRound2.getId())).status());
        assertTrue(ok(() -> northwindCoordinator.loops.listLoops(thandiwe, null, 100, null, null)).getItems().isEmpty());
        assertTrue(ok(() -> northwindCoordinator.interviewers.listInterviewers(null, null, 100, "Ingrid", null, null)).getItems().isEmpty());
        assertEquals(404, refused(() -> northwindCoordinator.loops.replaceParticipant(leaRound2.getId(), new ReplacementRequest()
                .interviewerId(interviewerIds.get(RAVI)).replacementId(interviewerIds.get(ANA)).reason("not yours"), "\"1\"")).status());
    }

    // ------------------------------------------------------------------ the story's vocabulary

    private UUID apply(String first, String last, String email, CandidateSource source) {
        UUID candidateId = ok(() -> recruiter.candidates.createCandidate(new CandidateRequest().firstName(first).lastName(last)
                .email(email).source(source), key())).getId();
        return ok(() -> recruiter.applications.createApplication(new ApplicationRequest().candidateId(candidateId).jobId(jobId), key())).getId();
    }

    private Application moveTo(UUID application, ApplicationStage stage, Integer round, String reason) {
        String etag = etag(ok(() -> recruiter.applications.getApplicationWithHttpInfo(application)).getHeaders());
        return ok(() -> recruiter.applications.changeApplicationStage(application,
                new StageChangeRequest().to(stage).round(round).reason(reason), etag));
    }

    private LoopPlanRequest secondRoundPlan(UUID application, LocalDate first, LocalDate last, int options, Person secondPeer) {
        return plan(application, 2, first, last, options, List.of(
                session("hiring-manager", "Conversation with Ingrid Solberg-Haugen", SessionKind.INTERVIEW, 45, INGRID),
                session("supervisor", "Meet your future supervisor", SessionKind.INTERVIEW, 45, CHLOE),
                session("vp", "Meet the VP Engineering", SessionKind.EXECUTIVE, 30, JONAS),
                session("peers", "Panel with future peers", SessionKind.PANEL, 45, KWAME, secondPeer),
                session("tour", "Department tour", SessionKind.TOUR, 30, GRETA),
                session("lunch", "Team lunch", SessionKind.LUNCH, 60, OSKAR).window(new TimeOfDayWindow().from("11:30").to("13:30"))));
    }

    private LoopPlanRequest plan(UUID application, int round, LocalDate first, LocalDate last, int options, List<LoopSession> sessions) {
        List<AvailabilityWindow> availability = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                availability.add(new AvailabilityWindow().start(day.atTime(8, 30).atZone(BERLIN).toOffsetDateTime())
                        .end(day.atTime(17, 0).atZone(BERLIN).toOffsetDateTime()));
            }
        }
        return new LoopPlanRequest().applicationId(application).round(round).timeZone(BERLIN.getId()).firstDay(first).lastDay(last)
                .candidateAvailability(availability).sessions(sessions).options(options).granularityMinutes(15)
                .orderRules(List.of(new OrderRule().type(RuleType.FIRST).session(sessions.get(0).getId())));
    }

    private LoopSession session(String id, String title, SessionKind kind, int minutes, Person... people) {
        List<UUID> ids = new ArrayList<>();
        for (Person person : people) {
            ids.add(interviewerIds.get(person));
        }
        return new LoopSession().id(id).title(title).kind(kind).durationMinutes(minutes).interviewerIds(ids);
    }

    /** Plans a loop on the given days and books the engine's best option. */
    private Loop book(UUID application, int round, String title, LocalDate first, LocalDate last, List<LoopSession> sessions) {
        LoopPlanRequest request = plan(application, round, first, last, 1, sessions);
        LoopPlan plan = ok(() -> coordinator.planning.planLoop(request));
        assertFalse(plan.getOptions().isEmpty(), () -> "an option for " + title + ": " + plan.getExplanation());
        return ok(() -> coordinator.loops.createLoop(new CreateLoopRequest().title(title).plan(request).option(chosen(plan.getOptions().get(0))), key()));
    }

    private static ChosenOption chosen(LoopOption option) {
        List<ChosenSession> sessions = new ArrayList<>();
        for (PlannedSession session : option.getSessions()) {
            sessions.add(new ChosenSession().sessionId(session.getSessionId()).start(session.getStart())
                    .interviewerIds(session.getParticipants().stream().map(PlannedParticipant::getInterviewerId).toList())
                    .roomId(session.getVenue() == null ? null : session.getVenue().getRoomId()));
        }
        return new ChosenOption().day(option.getDay()).sessions(sessions);
    }

    private static Set<UUID> participants(Loop loop) {
        return loop.getSessions().stream().flatMap(s -> s.getParticipants().stream())
                .map(p -> p.getInterviewerId()).collect(Collectors.toSet());
    }

    /** The feedback service opens a request per participant once the scheduling service's outbox has told it. */
    private List<FeedbackRequest> awaitRequests(Loop loop, int participants) {
        return eventually("feedback requests for " + loop.getTitle(), ASYNC,
                () -> recruiter.feedbackRequests.listFeedbackRequests(null, null, 100, loop.getId(), null, null, FeedbackRequestStatus.OPEN, null).getItems(),
                items -> items.size() == participants);
    }

    private FeedbackRequest mine(Person person, Loop loop) {
        List<FeedbackRequest> mine = ok(() -> apis.as(person.login()).feedbackRequests
                .listFeedbackRequests(null, null, null, loop.getId(), true, null, null, null)).getItems();
        assertEquals(1, mine.size(), person.name() + "'s requests for " + loop.getTitle());
        return mine.get(0);
    }

    /** Saves and submits a scorecard, signed in as its author. */
    private Scorecard submit(Person author, Loop loop, Map<String, Integer> ratings, Recommendation recommendation, String notes) {
        Apis.As as = apis.as(author.login());
        FeedbackRequest request = mine(author, loop);
        var saved = ok(() -> as.scorecards.saveScorecardWithHttpInfo(request.getId(),
                new ScorecardRequest().ratings(ratings).recommendation(recommendation).notes(notes), null));
        Scorecard submitted = ok(() -> as.scorecards.submitScorecard(request.getId(), etag(saved.getHeaders())));
        assertNotNull(submitted.getSubmittedAt(), author.name() + "'s scorecard is submitted");
        return submitted;
    }

    /** A hiring manager's decision, applied to the candidate service in the background (waited for). */
    private Decision decide(UUID application, Outcome outcome, String rationale) {
        Decision decision = ok(() -> hiringManager.decisions.decide(application, new DecisionRequest().outcome(outcome).rationale(rationale), key()));
        decisions.put(application, decision.getId());
        return eventually(outcome + " applied to the candidate service", ASYNC, () -> hiringManager.decisions.getDecision(decision.getId()),
                d -> d.getDelivery().getStatus() == DeliveryStatus.APPLIED);
    }

    /** An invite (text/calendar), fetched as the coordinator. */
    private String calendar(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.schedulingUrl + path))
                .header("Authorization", "Bearer " + coordinator.token.get()).header("Accept", "text/calendar").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    /** iCalendar folds long lines (RFC 5545 §3.1): unfold before looking for a name. */
    private static String unfold(String ics) {
        return ics.replace("\r\n ", "").replace("\n ", "");
    }

    private static Map<String, Integer> ratings(int depth, int knowledge, int softSkills, int communication, int teamFit,
                                                int cultureFit, int demeanour, int enthusiasm) {
        Map<String, Integer> ratings = new LinkedHashMap<>();
        ratings.put("depth_of_experience", depth);
        ratings.put("job_knowledge", knowledge);
        ratings.put("soft_skills", softSkills);
        ratings.put("communication", communication);
        ratings.put("team_fit", teamFit);
        ratings.put("culture_fit", cultureFit);
        ratings.put("professional_demeanour", demeanour);
        ratings.put("enthusiasm", enthusiasm);
        return ratings;
    }

    private static Map<String, Integer> light(int demeanour, int enthusiasm, int teamFit) {
        Map<String, Integer> ratings = new LinkedHashMap<>();
        ratings.put("professional_demeanour", demeanour);
        ratings.put("enthusiasm", enthusiasm);
        ratings.put("team_fit", teamFit);
        return ratings;
    }

    private static LocalDate weekdayOnOrBefore(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
