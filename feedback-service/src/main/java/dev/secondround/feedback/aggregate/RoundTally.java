package dev.secondround.feedback.aggregate;

import dev.secondround.feedback.scorecard.Scorecard.Recommendation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the panel said in one round of one application: per attribute the ratings' tally, and how
 * many gave each recommendation. Built either scorecard by scorecard or from database aggregates,
 * so the summary of one application and the comparison of a job flag disagreement the same way.
 */
public final class RoundTally {

    /** A spread (highest − lowest rating) this wide on the 1–4 scale is disagreement worth a conversation. */
    public static final int WIDE_SPREAD = 2;

    private final int round;
    private final Map<String, RatingTally> attributes = new LinkedHashMap<>();
    private final EnumMap<Recommendation, Integer> recommendations = new EnumMap<>(Recommendation.class);

    public RoundTally(int round) {
        this.round = round;
        for (Recommendation r : Recommendation.values()) {
            recommendations.put(r, 0);
        }
    }

    public int round() {
        return round;
    }

    /** One submitted scorecard: its ratings (light forms rate fewer attributes) and its recommendation. */
    public void addScorecard(Map<String, Integer> ratings, Recommendation recommendation) {
        ratings.forEach((key, rating) -> attribute(key).add(rating));
        if (recommendation != null) {
            recommendations.merge(recommendation, 1, Integer::sum);
        }
    }

    public void addRatings(String key, int count, long sum, int min, int max) {
        attribute(key).add(count, sum, min, max);
    }

    public void addRecommendations(Recommendation recommendation, int count) {
        recommendations.merge(recommendation, count, Integer::sum);
    }

    private RatingTally attribute(String key) {
        return attributes.computeIfAbsent(key, k -> new RatingTally());
    }

    /** Attribute key → tally, in the order first seen. */
    public Map<String, RatingTally> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    /** STRONG_NO..STRONG_YES → how many, all four present. */
    public Map<Recommendation, Integer> recommendations() {
        return Collections.unmodifiableMap(recommendations);
    }

    /** Every submitted scorecard carries exactly one recommendation. */
    public int scorecards() {
        return recommendations.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int yesSide() {
        return recommendations.get(Recommendation.YES) + recommendations.get(Recommendation.STRONG_YES);
    }

    public int noSide() {
        return recommendations.get(Recommendation.NO) + recommendations.get(Recommendation.STRONG_NO);
    }

    /** The overall recommendation as a number: STRONG_NO = 1, NO = 2, YES = 3, STRONG_YES = 4, mean to one decimal. */
    public BigDecimal score() {
        int n = scorecards();
        if (n == 0) {
            return null;
        }
        long sum = 0;
        for (var e : recommendations.entrySet()) {
            sum += (long) scoreOf(e.getKey()) * e.getValue();
        }
        return RatingTally.oneDecimal(sum, n);
    }

    public static int scoreOf(Recommendation recommendation) {
        return recommendation.ordinal() + 1;
    }

    /** At least one yes (or strong yes) and at least one no (or strong no). */
    public boolean splitRecommendation() {
        return yesSide() > 0 && noSide() > 0;
    }

    /** A strong no among yeses, or a strong yes among noes: one person saw something the others did not. */
    public boolean strongDissent() {
        return (recommendations.get(Recommendation.STRONG_NO) > 0 && yesSide() > 0)
                || (recommendations.get(Recommendation.STRONG_YES) > 0 && noSide() > 0);
    }

    /** Attributes whose ratings are {@link #WIDE_SPREAD} or more apart, in the order first seen. */
    public List<String> wideSpreads() {
        List<String> keys = new ArrayList<>();
        attributes.forEach((key, tally) -> {
            if (tally.count() > 0 && tally.spread() >= WIDE_SPREAD) {
                keys.add(key);
            }
        });
        return keys;
    }

    public boolean disagreement() {
        return splitRecommendation() || strongDissent() || !wideSpreads().isEmpty();
    }

    /** Why the panel disagrees, one sentence per reason, attributes in the forms' order and by their names. */
    public List<String> disagreementReasons(AttributeNames names) {
        List<String> reasons = new ArrayList<>();
        if (splitRecommendation()) {
            reasons.add("Split recommendation: " + yesSide() + " yes, " + noSide() + " no");
        }
        if (recommendations.get(Recommendation.STRONG_NO) > 0 && yesSide() > 0) {
            reasons.add("Strong dissent: " + recommendations.get(Recommendation.STRONG_NO) + " strong no against " + yesSide() + " yes");
        }
        if (recommendations.get(Recommendation.STRONG_YES) > 0 && noSide() > 0) {
            reasons.add("Strong dissent: " + recommendations.get(Recommendation.STRONG_YES) + " strong yes against " + noSide() + " no");
        }
        for (String key : names.order(wideSpreads())) {
            RatingTally t = attributes.get(key);
            reasons.add(names.name(key) + ": ratings from " + t.min() + " to " + t.max());
        }
        return reasons;
    }
}
