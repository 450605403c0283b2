package dev.secondround.feedback.summary;

import dev.secondround.feedback.access.FeedbackAccess;
import dev.secondround.feedback.aggregate.AggregateApi.RecommendationCounts;
import dev.secondround.feedback.aggregate.AggregateApi.RoundValue;
import dev.secondround.feedback.aggregate.AttributeNames;
import dev.secondround.feedback.aggregate.RatingTally;
import dev.secondround.feedback.aggregate.RoundChanges;
import dev.secondround.feedback.aggregate.RoundTally;
import dev.secondround.feedback.loop.FeedbackLoop;
import dev.secondround.feedback.request.FeedbackRequest;
import dev.secondround.feedback.scorecard.Scorecard;
import dev.secondround.feedback.summary.SummaryApi.AttributeChange;
import dev.secondround.feedback.summary.SummaryApi.AttributeStats;
import dev.secondround.feedback.summary.SummaryApi.Author;
import dev.secondround.feedback.summary.SummaryApi.Changes;
import dev.secondround.feedback.summary.SummaryApi.Completeness;
import dev.secondround.feedback.summary.SummaryApi.Disagreement;
import dev.secondround.feedback.summary.SummaryApi.FeedbackSummary;
import dev.secondround.feedback.summary.SummaryApi.Opinion;
import dev.secondround.feedback.summary.SummaryApi.Outstanding;
import dev.secondround.feedback.template.ScorecardTemplate;
import dev.secondround.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The panel's feedback on one application and round. Two reads whatever the panel's size — the
 * application's feedback requests and its submitted scorecards of every round (a handful per round) —
 * then one pass builds each round's {@link RoundTally}: the round read, and the earlier ones it is
 * compared with.
 */
@ApplicationScoped
@Transactional
public class FeedbackSummaryService {

    private final EntityManager em;
    private final FeedbackAccess access;

    public FeedbackSummaryService(EntityManager em, FeedbackAccess access) {
        this.em = em;
        this.access = access;
    }

    /** {@code round} null: the latest round with submitted scorecards (or, before any, the latest one asked). */
    public FeedbackSummary summarize(UUID applicationId, Integer round) {
        List<FeedbackRequest> requests = em.createQuery(
                        "select r from FeedbackRequest r where r.applicationId = :application order by r.createdAt, r.id", FeedbackRequest.class)
                .setParameter("application", applicationId).getResultList();
        if (requests.isEmpty()) {
            // Unknown, another tenant's, or never interviewed through a booked loop: all look the same.
            throw ProblemException.notFound("application feedback");
        }
        UUID jobId = requests.stream().map(r -> r.jobId).filter(Objects::nonNull).findFirst().orElse(null);
        access.requirePanel(applicationId, jobId);

        List<Scorecard> scorecards = em.createQuery("""
                        select s from Scorecard s where s.applicationId = :application and s.status = 'SUBMITTED' and s.round is not null
                        order by s.round, s.submittedAt, s.id""", Scorecard.class)
                .setParameter("application", applicationId).getResultList();
        TreeMap<Integer, RoundTally> rounds = new TreeMap<>();
        for (Scorecard s : scorecards) {
            rounds.computeIfAbsent(s.round, RoundTally::new).addScorecard(s.ratings, s.recommendation);
        }
        int chosen = round != null ? round : !rounds.isEmpty() ? rounds.lastKey()
                : requests.stream().map(r -> r.round).filter(Objects::nonNull).max(Integer::compare)
                .orElseThrow(() -> ProblemException.notFound("application feedback"));
        List<FeedbackRequest> ofRound = requests.stream().filter(r -> Objects.equals(r.round, chosen)).toList();
        if (ofRound.isEmpty() && !rounds.containsKey(chosen)) {
            throw ProblemException.notFound("feedback for round " + chosen + " of this application");
        }
        RoundTally tally = rounds.getOrDefault(chosen, new RoundTally(chosen));
        AttributeNames names = namesOf(requests);

        List<AttributeStats> attributes = names.order(tally.attributes().keySet()).stream().map(key -> {
            RatingTally t = tally.attributes().get(key);
            return new AttributeStats(key, names.name(key), t.count(), t.mean(), t.min(), t.max(), t.spread());
        }).toList();
        Disagreement disagreement = new Disagreement(tally.disagreement(), tally.splitRecommendation(), tally.strongDissent(),
                names.order(tally.wideSpreads()), tally.disagreementReasons(names));
        List<Opinion> opinions = scorecards.stream().filter(s -> s.round == chosen).map(FeedbackSummaryService::opinion).toList();

        FeedbackLoop loop = latestLoop(applicationId, chosen);
        FeedbackRequest any = ofRound.isEmpty() ? requests.get(requests.size() - 1) : ofRound.get(0);
        return new FeedbackSummary(applicationId, jobId,
                loop != null && loop.jobTitle != null ? loop.jobTitle : any.jobTitle,
                loop != null && loop.candidateName != null ? loop.candidateName : any.candidateName,
                chosen, loop == null ? null : loop.roundName,
                List.copyOf(rounds.keySet()), completeness(ofRound), RecommendationCounts.of(tally), attributes, disagreement,
                opinions, changes(rounds, chosen, names));
    }

    /** The forms the participants were given, full ones first, name the attributes. */
    private static AttributeNames namesOf(List<FeedbackRequest> requests) {
        AttributeNames names = new AttributeNames();
        requests.stream().sorted(Comparator.comparing(r -> r.form == ScorecardTemplate.Form.LIGHT))
                .forEach(r -> r.template.attributes().forEach(a -> names.add(a.key(), a.name())));
        return names;
    }

    private static Completeness completeness(List<FeedbackRequest> ofRound) {
        Instant now = Instant.now();
        int submitted = 0;
        int withdrawn = 0;
        List<Outstanding> outstanding = new ArrayList<>();
        for (FeedbackRequest r : ofRound) {
            switch (r.status) {
                case SUBMITTED -> submitted++;
                case WITHDRAWN -> withdrawn++;
                case OPEN -> outstanding.add(new Outstanding(r.participantName, r.participantTitle, r.roleKind, r.form, r.dueAt,
                        r.isOverdue(now)));
            }
        }
        return new Completeness(submitted + outstanding.size(), submitted, outstanding.size(), withdrawn, outstanding);
    }

    private static Opinion opinion(Scorecard s) {
        return new Opinion(s.getId(), new Author(s.authorName, s.authorTitle, s.roleKind), s.form, s.recommendation,
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(s.ratings)), s.notes, List.copyOf(s.answers), s.submittedAt, s.revision);
    }

    private static Changes changes(TreeMap<Integer, RoundTally> rounds, int chosen, AttributeNames names) {
        List<RoundTally> upToChosen = new ArrayList<>(rounds.headMap(chosen, true).values());
        Set<String> keys = new LinkedHashSet<>();
        upToChosen.forEach(r -> keys.addAll(r.attributes().keySet()));
        List<String> ordered = names.order(keys);
        RoundChanges changes = new RoundChanges(upToChosen, ordered, names::name);
        return new Changes(upToChosen.stream().map(RoundTally::round).toList(),
                changes.overall().stream().map(RoundValue::of).toList(),
                ordered.stream().map(k -> new AttributeChange(k, names.name(k),
                        changes.attributes().get(k).stream().map(RoundValue::of).toList())).toList(),
                changes.notable());
    }

    /** The round's loop as last synced (a cancelled and rebooked round has several): its names win. */
    private FeedbackLoop latestLoop(UUID applicationId, int round) {
        return em.createQuery("""
                        select l from FeedbackLoop l where l.applicationId = :application and l.round = :round
                        order by case when l.status = 'BOOKED' then 0 else 1 end, l.updatedAt desc""", FeedbackLoop.class)
                .setParameter("application", applicationId).setParameter("round", round).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }
}
