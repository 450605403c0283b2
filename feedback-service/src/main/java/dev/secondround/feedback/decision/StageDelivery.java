package dev.secondround.feedback.decision;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secondround.feedback.candidates.CandidateServiceClient;
import dev.secondround.feedback.candidates.CandidateServiceClient.ApplicationRefView;
import dev.secondround.feedback.decision.Decision.DeliveryStatus;
import dev.secondround.platform.outbox.OutboxHandler;
import dev.secondround.platform.outbox.OutboxMessage;
import dev.secondround.platform.security.ServiceTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Applies a decision to the application's stage in the candidate service, from the outbox, with the
 * decision's tenant's service token. Exactly once although the outbox delivers at least once: the
 * application is read first, and one already at the decision's target (our own earlier attempt that
 * crashed before recording it, or a repeated message) is recorded as APPLIED without a second move.
 * <ul>
 * <li>412 (the application changed between our read and our move): read again and retry at once.</li>
 * <li>400/404/409/422 (the candidate service's stage rules say no, e.g. already rejected, or no round
 * after the last one in the plan): REFUSED with its reason, never retried.</li>
 * <li>Anything else (unreachable, 5xx, 401/403, no service token): recorded on the decision and
 * thrown, so the relay retries with backoff; after the last attempt the decision is FAILED.</li>
 * </ul>
 */
@ApplicationScoped
public class StageDelivery implements OutboxHandler {

    static final String TOPIC = "application-stage";
    /** The candidate service's limit for a stage change's reason. */
    static final int MAX_REASON = 2000;
    private static final int MOVE_ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(StageDelivery.class);

    private final EntityManager em;
    private final CandidateServiceClient candidates;
    private final ServiceTokens tokens;
    private final ObjectMapper json;
    private final int maxAttempts;

    public StageDelivery(EntityManager em, @RestClient CandidateServiceClient candidates, ServiceTokens tokens, ObjectMapper json,
                         @ConfigProperty(name = "platform.outbox.max-attempts", defaultValue = "12") int maxAttempts) {
        this.em = em;
        this.candidates = candidates;
        this.tokens = tokens;
        this.json = json;
        this.maxAttempts = maxAttempts;
    }

    /** The outbox message: which decision to apply (everything else is read when delivering). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payload(UUID decisionId) {
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        UUID decisionId = json.readValue(message.payload(), Payload.class).decisionId();
        Decision decision = em.find(Decision.class, decisionId);
        if (decision == null || decision.deliveryStatus != DeliveryStatus.PENDING) {
            return; // a repeated message for a decision already settled
        }
        try {
            apply(decision, message.tenantId());
        } catch (Exception e) {
            recordFailure(decisionId, describe(e), message.attempts() + 1 >= maxAttempts);
            if (e instanceof WebApplicationException web && web.getResponse().getStatus() == 401) {
                tokens.forget(message.tenantId());
            }
            throw e;
        }
    }

    private void apply(Decision decision, String tenantId) {
        Decision.Target target = decision.target();
        for (int attempt = 1; attempt <= MOVE_ATTEMPTS; attempt++) {
            String authorization = tokens.authorizationFor(tenantId);
            RestResponse<ApplicationRefView> current;
            try {
                current = candidates.application(authorization, decision.applicationId);
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    refused(decision, "the candidate service does not know this application (any more)");
                    return;
                }
                throw e;
            }
            ApplicationRefView application = current.getEntity();
            if (target.reachedBy(application.stage(), application.currentRound())) {
                applied(decision, target);
                return;
            }
            try {
                candidates.changeStage(authorization, current.getHeaderString("ETag"), decision.applicationId,
                        new CandidateServiceClient.StageChange(target.stage(), target.round(), reason(decision)));
                applied(decision, target);
                return;
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status == 412) {
                    LOG.debugf("decision %s: application %s changed meanwhile, reading it again", decision.getId(), decision.applicationId);
                    continue;
                }
                if (status == 400 || status == 404 || status == 409 || status == 422) {
                    refused(decision, "the candidate service refused " + target + ": " + problemDetail(e));
                    return;
                }
                throw e;
            }
        }
        throw new IllegalStateException("the application kept changing while " + target + " was being applied");
    }

    private void applied(Decision decision, Decision.Target target) {
        decision.deliveryStatus = DeliveryStatus.APPLIED;
        decision.deliveryAttempts++;
        decision.deliveryError = null;
        decision.appliedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        decision.appliedStage = target.stage();
        LOG.infof("decision %s (%s) applied: application %s is at %s", decision.getId(), decision.outcome, decision.applicationId, target);
    }

    private void refused(Decision decision, String why) {
        decision.deliveryStatus = DeliveryStatus.REFUSED;
        decision.deliveryAttempts++;
        decision.deliveryError = abbreviate(why);
        LOG.infof("decision %s (%s) refused for application %s: %s", decision.getId(), decision.outcome, decision.applicationId, why);
    }

    /**
     * In a transaction of its own, since the delivery's rolls back with the exception: the decision
     * shows the attempt and why it failed while the relay waits to retry (or FAILED after the last one).
     */
    private void recordFailure(UUID decisionId, String why, boolean lastAttempt) {
        QuarkusTransaction.requiringNew().run(() -> {
            Decision decision = em.find(Decision.class, decisionId);
            if (decision != null && decision.deliveryStatus == DeliveryStatus.PENDING) {
                decision.deliveryAttempts++;
                decision.deliveryError = abbreviate(why);
                if (lastAttempt) {
                    decision.deliveryStatus = DeliveryStatus.FAILED;
                }
            }
        });
    }

    /** "Decision by Siobhán Ní Bhriain: ..." within the candidate service's 2000 characters. */
    static String reason(Decision decision) {
        String reason = "Decision by " + decision.decidedByName + ": " + decision.rationale;
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }

    /** The problem+json detail the candidate service gave, or its status. */
    private String problemDetail(WebApplicationException e) {
        try {
            String body = e.getResponse().readEntity(String.class);
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
        } catch (Exception unreadable) {
            // fall through to the status
        }
        return "HTTP " + e.getResponse().getStatus();
    }

    private String describe(Exception e) {
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return "the candidate service answered HTTP " + status + (status == 401 ? " (service token refused)" : "")
                    + ": " + problemDetail(web);
        }
        if (e instanceof ProcessingException) {
            return "the candidate service did not answer (" + networkFailure(e) + ")";
        }
        // Shown to users in the decision's delivery: no URLs, hosts or exception classes; the log has those.
        LOG.warnf("decision delivery failed: %s", e.toString());
        if (e instanceof ServiceTokens.ServiceTokenException) {
            return "no service token for this tenant: the token endpoint refused the client or could not be reached, "
                    + "or no client is configured (details in the feedback service's log)";
        }
        return "unexpected error (details in the feedback service's log)";
    }

    /** In words for the people reading the decision: no host names, no exception classes. */
    private static String networkFailure(Throwable e) {
        Throwable root = rootOf(e);
        if (root instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (root instanceof java.net.SocketTimeoutException || root instanceof java.util.concurrent.TimeoutException
                || root.getClass().getSimpleName().contains("Timeout")) {
            return "timed out";
        }
        return "network error";
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
