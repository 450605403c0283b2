package dev.secondround.scheduling.engine;

/** Search steps left for one call of {@link SchedulingEngine#plan}, shared by the days it searches. */
final class SearchBudget {

    private long left;
    private boolean exhausted;

    SearchBudget(long steps) {
        this.left = steps;
    }

    /** Takes one step; false once the budget is used up. */
    boolean step() {
        if (left > 0) {
            left--;
            return true;
        }
        exhausted = true;
        return false;
    }

    boolean exhausted() {
        return exhausted;
    }
}
