package dev.secondround.scheduling.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the best k candidates. When diversifying, candidates on the same day whose loops start less
 * than the near-duplicate window apart compete for one place: a newcomer enters only if it is
 * strictly better than every near-duplicate already kept (which it then replaces), and, when it has
 * no near-duplicate and the list is full, strictly better than the worst kept one.
 */
final class OptionCollector {

    private final int k;
    private final long windowSeconds;
    private final List<Candidate> kept = new ArrayList<>();

    OptionCollector(int k, long windowSeconds) {
        this.k = k;
        this.windowSeconds = windowSeconds;
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    boolean full() {
        return kept.size() >= k;
    }

    /** A candidate needs fewer points than this to enter, whatever its day and start. */
    int bound() {
        return full() ? worst().cost() : DayModel.INF;
    }

    /** A candidate on this day starting at this instant needs fewer points than this to enter. */
    int boundFor(int dayOffset, long loopStartEpochSecond) {
        int bound = bound();
        for (Candidate c : kept) {
            if (nearDuplicate(c, dayOffset, loopStartEpochSecond)) {
                bound = Math.min(bound, c.cost());
            }
        }
        return bound;
    }

    void offer(Candidate candidate) {
        if (windowSeconds > 0) {
            List<Candidate> duplicates = new ArrayList<>();
            for (Candidate c : kept) {
                if (nearDuplicate(c, candidate.day().dayOffset, candidate.loopStartEpochSecond())) {
                    if (c.cost() <= candidate.cost()) {
                        return;
                    }
                    duplicates.add(c);
                }
            }
            if (!duplicates.isEmpty()) {
                kept.removeAll(duplicates);
                kept.add(candidate);
                return;
            }
        }
        if (full()) {
            Candidate worst = worst();
            if (candidate.cost() >= worst.cost()) {
                return;
            }
            kept.remove(worst);
        }
        kept.add(candidate);
    }

    List<Candidate> ranked() {
        List<Candidate> out = new ArrayList<>(kept);
        out.sort(Candidate.RANKING);
        return out;
    }

    private Candidate worst() {
        Candidate worst = kept.get(0);
        for (Candidate c : kept) {
            if (Candidate.RANKING.compare(c, worst) > 0) {
                worst = c;
            }
        }
        return worst;
    }

    private boolean nearDuplicate(Candidate c, int dayOffset, long startEpochSecond) {
        return c.day().dayOffset == dayOffset
                && Math.abs(c.loopStartEpochSecond() - startEpochSecond) < windowSeconds;
    }
}
