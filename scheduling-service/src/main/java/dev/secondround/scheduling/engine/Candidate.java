package dev.secondround.scheduling.engine;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A complete timetable found by the search, still in grid cells and array indices.
 *
 * @param day   the day it lies on
 * @param order session indices in attendance order
 * @param start start cell per session index
 * @param picks per session index, the people picked from its pools, demand by demand
 * @param cost  total penalty points
 */
record Candidate(DayModel day, int[] order, int[] start, int[][] picks, int cost) {

    /** Best first: points, then earlier day, earlier start, then a stable order. */
    static final Comparator<Candidate> RANKING = Comparator.comparingInt(Candidate::cost)
            .thenComparingInt(c -> c.day().dayOffset)
            .thenComparingInt(Candidate::loopStartCell)
            .thenComparing(Candidate::order, Arrays::compare)
            .thenComparing(Candidate::start, Arrays::compare)
            .thenComparing(c -> Arrays.stream(c.picks()).flatMapToInt(Arrays::stream).toArray(), Arrays::compare);

    int loopStartCell() {
        return start[order[0]];
    }

    long loopStartEpochSecond() {
        return day.cellStart(loopStartCell()).getEpochSecond();
    }
}
