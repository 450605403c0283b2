package dev.secondround.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The generated clients (module api-clients), signed in as one person or integration: every request
 * carries {@code Authorization: Bearer <token from Keycloak>}. This is all an ATS team has to write.
 */
final class Apis {

    private final PlatformStack stack;

    Apis(PlatformStack stack) {
        this.stack = stack;
    }

    private final Map<String, As> signedIn = new HashMap<>();

    /** What a demo user (password grant) can do through each service's client. */
    As as(String username) {
        return signedIn.computeIfAbsent(username, u -> new As(() -> stack.keycloak.userToken(u)));
    }

    /** What a confidential client (client credentials: an ATS integration) can do. */
    As client(String clientId, String secret) {
        return signedIn.computeIfAbsent("client:" + clientId, c -> new As(() -> stack.keycloak.clientToken(clientId, secret)));
    }

    final class As {
        final dev.secondround.client.candidate.api.ClientsApi clients;
        final dev.secondround.client.candidate.api.JobsApi jobs;
        final dev.secondround.client.candidate.api.CandidatesApi candidates;
        final dev.secondround.client.candidate.api.ApplicationsApi applications;
        final dev.secondround.client.candidate.api.DebriefsApi debriefs;
        final dev.secondround.client.scheduling.api.InterviewersApi interviewers;
        final dev.secondround.client.scheduling.api.RoomsApi rooms;
        final dev.secondround.client.scheduling.api.LoopPlanningApi planning;
        final dev.secondround.client.scheduling.api.LoopsApi loops;
        final dev.secondround.client.feedback.api.FeedbackRequestsApi feedbackRequests;
        final dev.secondround.client.feedback.api.ScorecardsApi scorecards;
        final dev.secondround.client.feedback.api.FeedbackSummaryApi summaries;
        final dev.secondround.client.feedback.api.CandidateComparisonApi comparison;
        final dev.secondround.client.feedback.api.DecisionsApi decisions;
        final dev.secondround.client.feedback.api.FeedbackStatusApi feedbackStatus;
        final dev.secondround.client.feedback.api.FeedbackPolicyApi feedbackPolicy;
        final Supplier<String> token;

        private As(Supplier<String> token) {
            this.token = token;
            var candidate = new dev.secondround.client.candidate.ApiClient();
            candidate.updateBaseUri(stack.candidateUrl);
            candidate.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token.get()));
            candidate.setReadTimeout(Duration.ofSeconds(30));
            var scheduling = new dev.secondround.client.scheduling.ApiClient();
            scheduling.updateBaseUri(stack.schedulingUrl);
            scheduling.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token.get()));
            scheduling.setReadTimeout(Duration.ofSeconds(60));
            var feedback = new dev.secondround.client.feedback.ApiClient();
            feedback.updateBaseUri(stack.feedbackUrl);
            feedback.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token.get()));
            feedback.setReadTimeout(Duration.ofSeconds(30));
            clients = new dev.secondround.client.candidate.api.ClientsApi(candidate);
            jobs = new dev.secondround.client.candidate.api.JobsApi(candidate);
            candidates = new dev.secondround.client.candidate.api.CandidatesApi(candidate);
            applications = new dev.secondround.client.candidate.api.ApplicationsApi(candidate);
            debriefs = new dev.secondround.client.candidate.api.DebriefsApi(candidate);
            interviewers = new dev.secondround.client.scheduling.api.InterviewersApi(scheduling);
            rooms = new dev.secondround.client.scheduling.api.RoomsApi(scheduling);
            planning = new dev.secondround.client.scheduling.api.LoopPlanningApi(scheduling);
            loops = new dev.secondround.client.scheduling.api.LoopsApi(scheduling);
            feedbackRequests = new dev.secondround.client.feedback.api.FeedbackRequestsApi(feedback);
            scorecards = new dev.secondround.client.feedback.api.ScorecardsApi(feedback);
            summaries = new dev.secondround.client.feedback.api.FeedbackSummaryApi(feedback);
            comparison = new dev.secondround.client.feedback.api.CandidateComparisonApi(feedback);
            decisions = new dev.secondround.client.feedback.api.DecisionsApi(feedback);
            feedbackStatus = new dev.secondround.client.feedback.api.FeedbackStatusApi(feedback);
            feedbackPolicy = new dev.secondround.client.feedback.api.FeedbackPolicyApi(feedback);
        }
    }
}
