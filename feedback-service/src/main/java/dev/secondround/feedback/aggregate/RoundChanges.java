package dev.secondround.feedback.aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the panel's view of a candidate moved from round to round: per attribute and for the overall
 * recommendation, the value in every round that has scorecards and the change against the previous
 * one that had a value. Later rounds go deeper, and employers watch for a slip such as "Professional
 * demeanour 3.6 → 2.4 since round 1"; such moves of {@link #NOTABLE} or more are spelled out.
 */
public final class RoundChanges {

    /** A move of half a point or more on the 1–4 scale is worth a sentence. */
    public static final BigDecimal NOTABLE = new BigDecimal("0.5");
    public static final String OVERALL = "Overall recommendation";

    /** The value in one round; delta against {@code comparedWithRound} (null in the first round with a value). */
    public record Point(int round, BigDecimal value, BigDecimal delta, Integer comparedWithRound) {
    }

    private final List<Point> overall;
    private final Map<String, List<Point>> attributes = new LinkedHashMap<>();
    private final List<String> notable = new ArrayList<>();

    /**
     * @param rounds the rounds with scorecards, oldest first, ending with the round being read
     * @param keys   the attributes to follow, in display order
     */
    public RoundChanges(List<RoundTally> rounds, List<String> keys, Function<String, String> names) {
        overall = points(rounds, RoundTally::score);
        note(OVERALL, overall);
        for (String key : keys) {
            List<Point> points = points(rounds, r -> {
                RatingTally t = r.attributes().get(key);
                return t == null ? null : t.mean();
            });
            attributes.put(key, points);
            note(names.apply(key), points);
        }
    }

    /** Deltas between the rounded means, so that the figures a reader sees add up. */
    private static List<Point> points(List<RoundTally> rounds, Function<RoundTally, BigDecimal> value) {
        List<Point> points = new ArrayList<>();
        Point previous = null;
        for (RoundTally round : rounds) {
            BigDecimal v = value.apply(round);
            Point point = v == null ? new Point(round.round(), null, null, null)
                    : previous == null ? new Point(round.round(), v, null, null)
                    : new Point(round.round(), v, v.subtract(previous.value()), previous.round());
            points.add(point);
            if (v != null) {
                previous = point;
            }
        }
        return points;
    }

    /** A sentence when the round being read moved notably against the last round with a value. */
    private void note(String name, List<Point> points) {
        if (points.isEmpty()) {
            return;
        }
        Point last = points.get(points.size() - 1);
        if (last.delta() != null && last.delta().abs().compareTo(NOTABLE) >= 0) {
            notable.add(name + " " + last.value().subtract(last.delta()) + " → " + last.value() + " since round " + last.comparedWithRound());
        }
    }

    public List<Point> overall() {
        return overall;
    }

    public Map<String, List<Point>> attributes() {
        return attributes;
    }

    public List<String> notable() {
        return notable;
    }
}
