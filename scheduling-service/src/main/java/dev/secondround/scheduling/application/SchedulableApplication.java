package dev.secondround.scheduling.application;

import java.util.UUID;

/** What a loop keeps of the application it was booked for: who the candidate is, which job and round. */
public record SchedulableApplication(UUID applicationId, UUID candidateId, String candidateName, String candidateEmail,
                                     UUID jobId, String jobTitle, int round, String roundName) {
}
