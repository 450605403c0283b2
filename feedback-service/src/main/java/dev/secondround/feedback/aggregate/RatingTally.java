package dev.secondround.feedback.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The ratings one attribute got in one round: how many, their sum, lowest and highest. */
public final class RatingTally {

    private int count;
    private long sum;
    private int min = Integer.MAX_VALUE;
    private int max = Integer.MIN_VALUE;

    public void add(int rating) {
        add(1, rating, rating, rating);
    }

    /** Adds ratings already counted elsewhere (a database aggregate). */
    public void add(int count, long sum, int min, int max) {
        if (count <= 0) {
            return;
        }
        this.count += count;
        this.sum += sum;
        this.min = Math.min(this.min, min);
        this.max = Math.max(this.max, max);
    }

    public int count() {
        return count;
    }

    /** The mean to one decimal (half up), as people read it: 4, 4, 3, 1 → 3.0. */
    public BigDecimal mean() {
        return count == 0 ? null : oneDecimal(sum, count);
    }

    public Integer min() {
        return count == 0 ? null : min;
    }

    public Integer max() {
        return count == 0 ? null : max;
    }

    /** Highest minus lowest: 2 or more on a 1–4 scale means the panel saw different people. */
    public Integer spread() {
        return count == 0 ? null : max - min;
    }

    static BigDecimal oneDecimal(long sum, int count) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }
}
