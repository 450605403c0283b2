package dev.secondround.feedback.comparison;

import dev.secondround.platform.persistence.NativeValues;
import dev.secondround.feedback.access.FeedbackAccess;
import dev.secondround.feedback.aggregate.AggregateApi.RecommendationCounts;
import dev.secondround.feedback.aggregate.AttributeNames;
import dev.secondround.feedback.aggregate.RatingTally;
import dev.secondround.feedback.aggregate.RoundTally;
import dev.secondround.feedback.comparison.ComparisonApi.CandidateRow;
import dev.secondround.feedback.comparison.ComparisonApi.Column;
import dev.secondround.feedback.comparison.ComparisonApi.FeedbackComparison;
import dev.secondround.feedback.comparison.ComparisonApi.RoundScores;
import dev.secondround.feedback.loop.JobRef;
import dev.secondround.feedback.policy.FeedbackPolicy.AntiAnchoring;
import dev.secondround.feedback.policy.PolicyService;
import dev.secondround.feedback.scorecard.Scorecard.Recommendation;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.platform.tenant.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The candidates of one job side by side. Whatever the number of candidates, three reads (four for a
 * hiring manager, whose anti-anchoring policy is read too): the job (who manages it), one statement
 * that aggregates every submitted scorecard of the job per application, round and attribute (ratings
 * unnested with {@code jsonb_each_text}) together with each application's candidate name, latest
 * decision and whether the caller still owes a scorecard, and one for the attribute names on the forms
 * used. Figures and plans: the Benchmark section of feedback-service/README.md.
 */
@ApplicationScoped
@Transactional
public class ComparisonService {

    /** The most applications compared at once: those with the most recent scorecards. */
    public static final int MAX_APPLICATIONS = 200;
    static final String HIDDEN_REASON = "submit your own scorecard first: the panel's scores for this candidate are hidden until then "
            + "so that they cannot anchor yours";

    /**
     * Rows of (application, round, attribute key or null, recommendation or null, count, sum, min, max,
     * candidate name, latest decision outcome, decided at, caller owes an open request, recency rank).
     * One row per rated attribute and per recommendation given, for up to {@code MAX_APPLICATIONS + 1}
     * applications (the extra, least recent one only tells that the list was cut). The candidate name,
     * decision and open request are looked up once per application (lateral joins on the picked ones),
     * not once per row. Public for the benchmark's EXPLAIN ANALYZE.
     */
    public static final String AGGREGATES_SQL = """
            with picked as (
                select s.application_id, row_number() over (order by max(s.submitted_at) desc, s.application_id) as recency
                from scorecard s
                where s.tenant_id = :tenant and s.job_id = :job and s.status = 'SUBMITTED' and s.round is not null
                  and (:allRounds or s.round = :round)
                group by s.application_id
                order by max(s.submitted_at) desc, s.application_id
                limit :limit
            ), submitted as (
                select s.application_id, s.round, s.ratings, s.recommendation
                from scorecard s join picked p on p.application_id = s.application_id
                where s.tenant_id = :tenant and s.job_id = :job and s.status = 'SUBMITTED' and s.round is not null
                  and (:allRounds or s.round = :round)
            ), cells as (
                select s.application_id, s.round, r.key, cast(r.value as integer) as rating, cast(null as text) as recommendation
                from submitted s cross join lateral jsonb_each_text(s.ratings) r
                union all
                select s.application_id, s.round, null, null, s.recommendation from submitted s
            ), tallies as (
                select application_id, round, key, recommendation, count(*) as n, sum(rating) as total, min(rating) as lowest,
                       max(rating) as highest
                from cells
                group by application_id, round, key, recommendation
            ), context as (
                select p.application_id, p.recency, l.candidate_name, d.outcome, d.created_at as decided_at,
                       exists (select 1 from feedback_request q
                               where q.tenant_id = :tenant and q.application_id = p.application_id
                                 and q.participant_subject = :subject and q.status = 'OPEN') as owed
                from picked p
                left join lateral (select l.candidate_name from feedback_loop l
                                   where l.tenant_id = :tenant and l.application_id = p.application_id and l.candidate_name is not null
                                   order by l.updated_at desc limit 1) l on true
                left join lateral (select d.outcome, d.created_at from decision d
                                   where d.tenant_id = :tenant and d.application_id = p.application_id
                                   order by d.created_at desc, d.id desc limit 1) d on true
            )
            select t.application_id, t.round, t.key, t.recommendation, t.n, t.total, t.lowest, t.highest,
                   x.candidate_name, x.outcome, x.decided_at, x.owed, x.recency
            from tallies t join context x on x.application_id = t.application_id
            order by t.application_id, t.round""";

    /**
     * The attributes of the forms used for a job, full forms first, each form in its order: one request
     * per template (its latest snapshot) is enough, found in the index without reading the snapshots.
     */
    public static final String ATTRIBUTE_NAMES_SQL = """
            select a.value ->> 'key', a.value ->> 'name'
            from feedback_request r
            cross join lateral jsonb_array_elements(r.template -> 'attributes') with ordinality a
            where r.tenant_id = :tenant and r.id in (
                select distinct on (q.template_id) q.id from feedback_request q
                where q.tenant_id = :tenant and q.job_id = :job
                order by q.template_id, q.created_at desc)
            order by r.form, a.ordinality""";

    private final EntityManager em;
    private final FeedbackAccess access;
    private final PolicyService policies;
    private final CurrentTenant tenant;

    public ComparisonService(EntityManager em, FeedbackAccess access, PolicyService policies, CurrentTenant tenant) {
        this.em = em;
        this.access = access;
        this.policies = policies;
        this.tenant = tenant;
    }

    public FeedbackComparison compare(UUID jobId, Integer round, String sort, String direction) {
        JobRef job = em.createQuery("select j from JobRef j where j.jobId = :job", JobRef.class).setParameter("job", jobId)
                .getResultStream().findFirst().orElse(null);
        boolean readsAll = access.readsAll();
        if (job == null || !(readsAll || access.manages(job))) {
            // Unknown, another tenant's, or another hiring manager's job: all look the same.
            throw ProblemException.notFound("job feedback");
        }
        // The anti-anchoring rule of FeedbackAccess#panelView, row by row: only a reader who may owe a scorecard is affected.
        boolean hideOwed = !readsAll && policies.current().antiAnchoring != AntiAnchoring.ALWAYS;

        AttributeNames names = attributeNames(jobId);
        Map<UUID, Candidate> candidates = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        boolean truncated = false;
        for (Object o : aggregates(jobId, round)) {
            Object[] row = (Object[]) o;
            if (((Number) row[12]).intValue() > MAX_APPLICATIONS) {
                // The one past the limit, least recent: only there to say that the list was cut.
                truncated = true;
                continue;
            }
            UUID applicationId = (UUID) row[0];
            Candidate c = candidates.computeIfAbsent(applicationId, id -> new Candidate(id, (String) row[8], (String) row[9],
                    NativeValues.instant(row[10]), Boolean.TRUE.equals(row[11])));
            RoundTally tally = c.rounds.computeIfAbsent(((Number) row[1]).intValue(), RoundTally::new);
            int count = ((Number) row[4]).intValue();
            if (row[2] != null) {
                keys.add((String) row[2]);
                tally.addRatings((String) row[2], count, ((Number) row[5]).longValue(), ((Number) row[6]).intValue(), ((Number) row[7]).intValue());
            } else {
                tally.addRecommendations(Recommendation.valueOf((String) row[3]), count);
            }
        }
        List<String> columns = names.order(keys);
        Set<String> sortable = new LinkedHashSet<>(columns);
        sortable.addAll(names.keys());
        ComparisonSort order = ComparisonSort.parse(sort, direction, sortable);

        List<CandidateRow> rows = new ArrayList<>();
        candidates.values().forEach(c -> rows.add(c.row(columns, hideOwed && c.owed)));
        rows.sort(order.comparator());
        return new FeedbackComparison(jobId, job.title, round, order.label(), order.direction(),
                columns.stream().map(k -> new Column(k, names.name(k))).toList(), rows, truncated);
    }

    private List<?> aggregates(UUID jobId, Integer round) {
        return em.createNativeQuery(AGGREGATES_SQL)
                .setParameter("tenant", tenant.require())
                .setParameter("job", jobId)
                .setParameter("allRounds", round == null)
                .setParameter("round", round == null ? 0 : round)
                .setParameter("limit", MAX_APPLICATIONS + 1)
                .setParameter("subject", access.subject())
                .getResultList();
    }

    /** The attributes of every form used for this job (full forms first), from the templates as the participants got them. */
    private AttributeNames attributeNames(UUID jobId) {
        AttributeNames names = new AttributeNames();
        for (Object o : em.createNativeQuery(ATTRIBUTE_NAMES_SQL)
                .setParameter("tenant", tenant.require()).setParameter("job", jobId).getResultList()) {
            Object[] row = (Object[]) o;
            names.add((String) row[0], (String) row[1]);
        }
        return names;
    }

    /** One application's tallies per round, and what the comparison shows next to them. */
    private static final class Candidate {
        final UUID applicationId;
        final String name;
        final String decision;
        final Instant decidedAt;
        final boolean owed;
        final TreeMap<Integer, RoundTally> rounds = new TreeMap<>();

        Candidate(UUID applicationId, String name, String decision, Instant decidedAt, boolean owed) {
            this.applicationId = applicationId;
            this.name = name;
            this.decision = decision;
            this.decidedAt = decidedAt;
            this.owed = owed;
        }

        CandidateRow row(List<String> columns, boolean hidden) {
            int scorecards = rounds.values().stream().mapToInt(RoundTally::scorecards).sum();
            boolean finalist = "FINALIST".equals(decision) || "OFFER".equals(decision);
            RoundTally headline = rounds.lastEntry().getValue();
            if (hidden) {
                return new CandidateRow(applicationId, name, scorecards, true, HIDDEN_REASON, headline.round(), null, null, null, null,
                        List.of(), decision, decidedAt, finalist);
            }
            List<RoundScores> perRound = rounds.values().stream().map(t -> new RoundScores(t.round(), t.scorecards(), t.score(),
                    RecommendationCounts.of(t), means(t, columns), t.disagreement())).toList();
            return new CandidateRow(applicationId, name, scorecards, false, null, headline.round(), headline.score(),
                    RecommendationCounts.of(headline), means(headline, columns), headline.disagreement(), perRound, decision, decidedAt,
                    finalist);
        }

        /** Every column present, null where the round has no rating for it. */
        private static Map<String, BigDecimal> means(RoundTally tally, List<String> columns) {
            Map<String, BigDecimal> means = new LinkedHashMap<>();
            for (String key : columns) {
                RatingTally t = tally.attributes().get(key);
                means.put(key, t == null ? null : t.mean());
            }
            return means;
        }
    }
}
