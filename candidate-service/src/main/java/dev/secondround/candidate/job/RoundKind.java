package dev.secondround.candidate.job;

/** What a round of the interview plan is, so later rounds can be planned and compared with earlier ones. */
public enum RoundKind {
    PHONE_SCREEN, FIRST_INTERVIEW, ONSITE_LOOP, TECHNICAL, PANEL, EXECUTIVE, FINAL, OTHER
}
