package dev.secondround.candidate.application;

/**
 * Where an application stands. {@code ROUND} carries the round number (1..the job's plan size) in
 * {@link Application#currentRound}; FINALIST and later keep the last round reached.
 */
public enum ApplicationStage {
    APPLIED, SCREENING, ROUND, FINALIST, OFFER, HIRED, REJECTED, WITHDRAWN;

    public boolean isClosed() {
        return this == HIRED || this == REJECTED || this == WITHDRAWN;
    }
}
