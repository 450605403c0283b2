package dev.secondround.candidate.application;

import java.util.Optional;

/**
 * The stage rules, as a plain class so they are tested without a container. Rounds go one at a time
 * (no skipping from round 1 to round 3); a finalist may still be asked to one more round; hired,
 * rejected and withdrawn are final.
 *
 * @return empty when the move is allowed, otherwise why not (shown to the user)
 */
public final class StageTransitions {

    private StageTransitions() {
    }

    public static Optional<String> check(ApplicationStage from, Integer fromRound, ApplicationStage to, Integer toRound, int roundsInPlan) {
        if (to == ApplicationStage.ROUND) {
            if (toRound == null) {
                return Optional.of("round is required when moving to ROUND");
            }
            if (toRound < 1 || toRound > roundsInPlan) {
                return Optional.of("the job's interview plan has rounds 1 to " + roundsInPlan);
            }
        } else if (toRound != null) {
            return Optional.of("round applies only when moving to ROUND");
        }
        if (from.isClosed()) {
            return Optional.of("the application is " + from + "; it cannot move any more");
        }
        if (from == to && from != ApplicationStage.ROUND) {
            return Optional.of("the application is already " + from);
        }
        int reached = fromRound == null ? 0 : fromRound;
        boolean allowed = switch (to) {
            case APPLIED -> false;
            case SCREENING -> from == ApplicationStage.APPLIED;
            case ROUND -> (from == ApplicationStage.APPLIED || from == ApplicationStage.SCREENING) ? toRound == 1
                    : (from == ApplicationStage.ROUND || from == ApplicationStage.FINALIST) && toRound == reached + 1;
            case FINALIST -> from == ApplicationStage.ROUND;
            case OFFER -> from == ApplicationStage.ROUND || from == ApplicationStage.FINALIST;
            case HIRED -> from == ApplicationStage.OFFER;
            case REJECTED, WITHDRAWN -> true;
        };
        if (!allowed) {
            String fromText = from == ApplicationStage.ROUND ? "ROUND " + reached : from.name();
            String toText = to == ApplicationStage.ROUND ? "ROUND " + toRound : to.name();
            return Optional.of("cannot move from " + fromText + " to " + toText + allowedHint(from, reached, roundsInPlan));
        }
        return Optional.empty();
    }

    private static String allowedHint(ApplicationStage from, int reached, int roundsInPlan) {
        String nextRound = reached < roundsInPlan ? "ROUND " + (reached + 1) + ", " : "";
        return switch (from) {
            case APPLIED -> " (allowed: SCREENING, ROUND 1, REJECTED, WITHDRAWN)";
            case SCREENING -> " (allowed: ROUND 1, REJECTED, WITHDRAWN)";
            case ROUND -> " (allowed: " + nextRound + "FINALIST, OFFER, REJECTED, WITHDRAWN)";
            case FINALIST -> " (allowed: " + nextRound + "OFFER, REJECTED, WITHDRAWN)";
            case OFFER -> " (allowed: HIRED, REJECTED, WITHDRAWN)";
            default -> "";
        };
    }
}
