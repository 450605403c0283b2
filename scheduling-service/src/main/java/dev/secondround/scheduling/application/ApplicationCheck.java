package dev.secondround.scheduling.application;

import dev.secondround.platform.problem.ProblemException;
import dev.secondround.platform.problem.ProblemType;
import dev.secondround.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks the candidate service, live and with the caller's token, whether an application may get a
 * loop: it must exist for this caller (another tenant's application is simply not found there) and
 * be in an interview round. Called before any database work here, so no connection is held while we
 * wait for the other service.
 */
@ApplicationScoped
public class ApplicationCheck {

    private static final Logger LOG = Logger.getLogger(ApplicationCheck.class);

    private final CandidateServiceClient candidates;
    private final Caller caller;

    public ApplicationCheck(@RestClient CandidateServiceClient candidates, Caller caller) {
        this.candidates = candidates;
        this.caller = caller;
    }

    /**
     * The application as the candidate service sees it now, checked to be in {@code round} (or in
     * any round when null): 404 when unknown to the caller, 409 when not in that interview round.
     */
    public SchedulableApplication requireInRound(UUID applicationId, Integer round) {
        String authorization = "Bearer " + caller.bearerToken();
        CandidateServiceClient.ApplicationRef application = call(() -> candidates.application(authorization, applicationId));
        if (!"ROUND".equals(application.stage()) || application.currentRound() == null) {
            throw ProblemException.conflict("the application is at " + application.stage()
                    + ", not in an interview round: move it to a round in the candidate service before scheduling");
        }
        if (round != null && !round.equals(application.currentRound())) {
            throw ProblemException.conflict("the application is in round " + application.currentRound() + ", not round " + round);
        }
        CandidateServiceClient.CandidateRef candidate = call(() -> candidates.candidate(authorization, application.candidate().id()));
        return new SchedulableApplication(application.id(), candidate.id(),
                (candidate.firstName() + " " + candidate.lastName()).strip(), candidate.email(),
                application.job().id(), application.job().title(), application.currentRound(), application.currentRoundName());
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw ProblemException.notFound("application");
            }
            if (status == 401 || status == 403) {
                // E.g. a token without the candidate-service audience, or a role the candidate service refuses.
                throw new ProblemException(ProblemType.FORBIDDEN,
                        "the candidate service refused your token for this application (status " + status + ")");
            }
            LOG.warnf("candidate service answered %d", status);
            throw unavailable();
        } catch (ProcessingException e) {
            LOG.warnf("candidate service unreachable: %s", e.getMessage());
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE,
                "the candidate service could not confirm the application just now; nothing was changed, please retry");
    }
}
