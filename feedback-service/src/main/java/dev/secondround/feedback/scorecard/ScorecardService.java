package dev.secondround.feedback.scorecard;

import dev.secondround.feedback.access.FeedbackAccess;
import dev.secondround.feedback.request.FeedbackRequest;
import dev.secondround.feedback.request.RequestService;
import dev.secondround.feedback.scorecard.ScorecardApi.ScorecardRequest;
import dev.secondround.feedback.template.ScorecardTemplate;
import dev.secondround.platform.api.Text;
import dev.secondround.platform.concurrency.IfMatch;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.Problem;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.platform.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writing and reading scorecards. Only the participant (the token's subject matches the request's)
 * writes theirs: drafts first, then a submission that must be complete; a change after submission
 * needs a reason and leaves the earlier version in the history. Reading anyone else's follows
 * {@link FeedbackAccess#requirePanel} (anti-anchoring).
 */
@ApplicationScoped
@Transactional
public class ScorecardService {

    private final EntityManager em;
    private final FeedbackAccess access;
    private final RequestService requests;

    public ScorecardService(EntityManager em, FeedbackAccess access, RequestService requests) {
        this.em = em;
        this.access = access;
        this.requests = requests;
    }

    /** Saves a draft (first save needs no If-Match), or changes a submitted scorecard (complete, with a reason). */
    public Scorecard save(UUID requestId, Optional<IfMatch> ifMatch, ScorecardRequest body) {
        FeedbackRequest request = requireOwnRequest(requestId);
        Optional<Scorecard> existing = find(requestId, true);
        if (request.status == FeedbackRequest.Status.WITHDRAWN && existing.isEmpty()) {
            throw ProblemException.conflict("this feedback request was withdrawn (" + request.withdrawnReason + "); nothing to fill in");
        }
        Scorecard scorecard = existing.orElseGet(() -> newScorecard(request));
        if (existing.isPresent()) {
            ifMatch.orElseThrow(() -> new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "you already saved this scorecard: send If-Match with the ETag of your last read")).check(scorecard.getVersion());
        }
        apply(scorecard, request.template, body);
        if (scorecard.status == Scorecard.Status.SUBMITTED) {
            if (Text.clean(body.changeReason()) == null) {
                throw ProblemException.invalidField("changeReason", "required to change a submitted scorecard (the earlier version is kept)");
            }
            requireComplete(scorecard, request.template);
            scorecard.revision++;
            scorecard.submittedAt = now();
            recordRevision(scorecard, Text.clean(body.changeReason()));
        }
        if (existing.isEmpty()) {
            em.persist(scorecard);
        }
        em.flush();
        return scorecard;
    }

    /** Submits the draft: every attribute rated, a recommendation given, and not before the interview began. */
    public Scorecard submit(UUID requestId, IfMatch ifMatch) {
        FeedbackRequest request = requireOwnRequest(requestId);
        Scorecard scorecard = find(requestId, true)
                .orElseThrow(() -> ProblemException.conflict("save your scorecard (PUT .../scorecard) before submitting it"));
        ifMatch.check(scorecard.getVersion());
        if (scorecard.status == Scorecard.Status.SUBMITTED) {
            throw ProblemException.conflict("already submitted; change it with PUT .../scorecard and a changeReason");
        }
        if (request.status == FeedbackRequest.Status.WITHDRAWN) {
            throw ProblemException.conflict("this feedback request was withdrawn (" + request.withdrawnReason + ")");
        }
        Instant firstSession = request.firstSessionStart().orElse(Instant.MIN);
        if (now().isBefore(firstSession)) {
            throw ProblemException.conflict("your session with the candidate starts at " + firstSession
                    + "; feedback can be submitted once you have met them (drafts can be saved any time)");
        }
        requireComplete(scorecard, request.template);
        scorecard.status = Scorecard.Status.SUBMITTED;
        scorecard.revision = 1;
        scorecard.submittedAt = now();
        request.status = FeedbackRequest.Status.SUBMITTED;
        recordRevision(scorecard, null);
        em.flush();
        return scorecard;
    }

    /** The scorecard of a request: its author always (drafts too); others a submitted one as the panel rules allow. */
    public Scorecard readForRequest(UUID requestId) {
        FeedbackRequest request = em.find(FeedbackRequest.class, requestId);
        if (request == null) {
            throw ProblemException.notFound("scorecard");
        }
        Scorecard scorecard = find(requestId, false).orElse(null);
        return readable(scorecard, request.participantSubject, request.applicationId, request.jobId);
    }

    public Scorecard read(UUID scorecardId) {
        Scorecard scorecard = em.find(Scorecard.class, scorecardId);
        if (scorecard == null) {
            throw ProblemException.notFound("scorecard");
        }
        return readable(scorecard, scorecard.authorSubject, scorecard.applicationId, scorecard.jobId);
    }

    public List<ScorecardRevision> revisions(UUID scorecardId) {
        Scorecard scorecard = read(scorecardId);
        return em.createQuery("select r from ScorecardRevision r where r.scorecardId = :id order by r.revision", ScorecardRevision.class)
                .setParameter("id", scorecard.getId()).getResultList();
    }

    /**
     * The submitted scorecards of one application (optionally one round) — the panel — once the caller
     * may read it. Without an application: recruiters, tenant admins and integrations list all (sync);
     * everyone else their own submitted scorecards.
     */
    public Page<Scorecard> list(UUID applicationId, Integer round, PageParams page) {
        if (applicationId != null) {
            access.requirePanel(applicationId, jobOf(applicationId));
        }
        return KeysetQuery.of(Scorecard.class)
                .and("e.status = 'SUBMITTED'", null, null)
                .andIf(applicationId == null && !access.readsAll(), "e.authorSubject = :me", "me", access.subject())
                .andIf(applicationId != null, "e.applicationId = :application", "application", applicationId)
                .andIf(round != null, "e.round = :round", "round", round)
                .page(em, page);
    }

    private Scorecard readable(Scorecard scorecard, String authorSubject, UUID applicationId, UUID jobId) {
        if (access.subject().equals(authorSubject)) {
            if (scorecard == null) {
                throw ProblemException.notFound("scorecard");
            }
            return scorecard;
        }
        access.requirePanel(applicationId, jobId);
        if (scorecard == null || scorecard.status != Scorecard.Status.SUBMITTED) {
            // Someone else's draft is theirs alone, exactly like no scorecard at all.
            throw ProblemException.notFound("scorecard");
        }
        return scorecard;
    }

    private UUID jobOf(UUID applicationId) {
        return em.createQuery("select r.jobId from FeedbackRequest r where r.applicationId = :application and r.jobId is not null", UUID.class)
                .setParameter("application", applicationId).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    private FeedbackRequest requireOwnRequest(UUID requestId) {
        FeedbackRequest request = em.find(FeedbackRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !requests.maySee(request)) {
            throw ProblemException.notFound("feedback request");
        }
        if (!access.subject().equals(request.participantSubject)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "only " + request.participantName + " can fill in their own scorecard");
        }
        return request;
    }

    private Optional<Scorecard> find(UUID requestId, boolean lock) {
        var query = em.createQuery("select s from Scorecard s where s.requestId = :request", Scorecard.class)
                .setParameter("request", requestId);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    private Scorecard newScorecard(FeedbackRequest request) {
        Scorecard scorecard = new Scorecard();
        scorecard.requestId = request.getId();
        scorecard.applicationId = request.applicationId;
        scorecard.jobId = request.jobId;
        scorecard.round = request.round;
        scorecard.authorSubject = request.participantSubject;
        scorecard.authorName = request.participantName;
        scorecard.authorTitle = request.participantTitle;
        scorecard.roleKind = request.roleKind;
        scorecard.form = request.form;
        return scorecard;
    }

    /** Checks the body against the form the participant was given, then takes it over. */
    private static void apply(Scorecard scorecard, FeedbackRequest.TemplateSnapshot form, ScorecardRequest body) {
        List<String> keys = form.attributes().stream().map(ScorecardTemplate.Attribute::key).toList();
        Map<String, Integer> ratings = body.ratings() == null ? Map.of() : body.ratings();
        List<Problem.InvalidField> invalid = new ArrayList<>();
        ratings.keySet().stream().filter(k -> !keys.contains(k)).sorted()
                .forEach(k -> invalid.add(new Problem.InvalidField("ratings." + k, "not an attribute of this scorecard (it has "
                        + String.join(", ", keys) + ")")));
        List<ScorecardApi.AnswerRequest> answers = body.answers() == null ? List.of() : body.answers();
        for (int i = 0; i < answers.size(); i++) {
            if (!form.keyQuestions().contains(answers.get(i).question().strip())) {
                invalid.add(new Problem.InvalidField("answers[" + i + "].question", "not one of this scorecard's key questions"));
            }
        }
        if (answers.stream().map(a -> a.question().strip()).distinct().count() < answers.size()) {
            invalid.add(new Problem.InvalidField("answers", "each key question is answered at most once"));
        }
        if (!invalid.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, invalid.get(0).field() + ": " + invalid.get(0).message(), invalid);
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        keys.stream().filter(ratings::containsKey).forEach(k -> ordered.put(k, ratings.get(k)));
        scorecard.ratings = ordered;
        scorecard.recommendation = body.recommendation();
        scorecard.answers = new ArrayList<>(answers.stream().map(a -> new Scorecard.Answer(a.question().strip(), Text.clean(a.answer())))
                .toList());
        scorecard.notes = Text.clean(body.notes());
    }

    private static void requireComplete(Scorecard scorecard, FeedbackRequest.TemplateSnapshot form) {
        Set<String> missing = form.attributes().stream().map(ScorecardTemplate.Attribute::key)
                .filter(k -> !scorecard.ratings.containsKey(k)).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<Problem.InvalidField> invalid = new ArrayList<>();
        missing.forEach(k -> invalid.add(new Problem.InvalidField("ratings." + k, "rate it (1 to 4) before submitting")));
        if (scorecard.recommendation == null) {
            invalid.add(new Problem.InvalidField("recommendation", "give an overall recommendation before submitting"));
        }
        if (!invalid.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "the scorecard is not complete: " + invalid.stream()
                    .map(Problem.InvalidField::field).collect(Collectors.joining(", ")), invalid);
        }
    }

    private void recordRevision(Scorecard scorecard, String reason) {
        ScorecardRevision revision = new ScorecardRevision();
        revision.scorecardId = scorecard.getId();
        revision.revision = scorecard.revision;
        revision.ratings = new LinkedHashMap<>(scorecard.ratings);
        revision.recommendation = scorecard.recommendation;
        revision.answers = new ArrayList<>(scorecard.answers);
        revision.notes = scorecard.notes;
        revision.changeReason = reason;
        revision.submittedBy = access.displayName();
        em.persist(revision);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
