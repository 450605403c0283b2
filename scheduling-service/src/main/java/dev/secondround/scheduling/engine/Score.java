package dev.secondround.scheduling.engine;

import java.util.List;

/** Penalty points of an option, lower is better: the sum of its terms (see {@link ScoreWeights}). */
public record Score(int total, List<ScoreTerm> terms) {

    public Score {
        terms = List.copyOf(terms);
    }

    public int points(String termName) {
        return terms.stream().filter(t -> t.name().equals(termName)).mapToInt(ScoreTerm::points).sum();
    }
}
