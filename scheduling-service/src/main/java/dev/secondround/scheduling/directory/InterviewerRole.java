package dev.secondround.scheduling.directory;

/** Who the person is to the candidate; loops are planned by role ("the manager's boss", "two peers"). */
public enum InterviewerRole {
    HIRING_MANAGER, SUPERVISOR, EXECUTIVE, PEER, DIRECT_REPORT, TECHNICAL_CONSULTANT, TOUR_GUIDE, OTHER
}
