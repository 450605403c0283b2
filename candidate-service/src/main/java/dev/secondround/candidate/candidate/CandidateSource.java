package dev.secondround.candidate.candidate;

/** Where the agency found the candidate. */
public enum CandidateSource {
    REFERRAL, LINKEDIN, JOB_BOARD, AGENCY_DATABASE, DIRECT_APPLICATION, CLIENT_REFERRAL, EVENT, OTHER
}
