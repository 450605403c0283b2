package dev.secondround.candidate.job;

/** Only OPEN jobs take new applications. */
public enum JobStatus {
    OPEN, ON_HOLD, FILLED, CLOSED
}
