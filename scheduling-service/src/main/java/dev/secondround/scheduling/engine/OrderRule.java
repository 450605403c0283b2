package dev.secondround.scheduling.engine;

import java.util.Objects;

/**
 * A rule on the order of a loop's sessions. Sessions never overlap (the candidate attends all of
 * them), so the rules constrain the sequence: {@link First} comes before every other session,
 * {@link Last} after every other one, {@link Before} ends before the other starts.
 */
public sealed interface OrderRule permits OrderRule.First, OrderRule.Last, OrderRule.Before {

    static OrderRule first(String sessionId) {
        return new First(sessionId);
    }

    static OrderRule last(String sessionId) {
        return new Last(sessionId);
    }

    static OrderRule before(String earlier, String later) {
        return new Before(earlier, later);
    }

    /** How a coordinator reads the rule, with session titles instead of ids where known. */
    String describe(java.util.function.Function<String, String> titleOf);

    record First(String session) implements OrderRule {
        public First {
            Objects.requireNonNull(session, "session");
        }

        @Override
        public String describe(java.util.function.Function<String, String> titleOf) {
            return titleOf.apply(session) + " first";
        }
    }

    record Last(String session) implements OrderRule {
        public Last {
            Objects.requireNonNull(session, "session");
        }

        @Override
        public String describe(java.util.function.Function<String, String> titleOf) {
            return titleOf.apply(session) + " last";
        }
    }

    /** {@code earlier} ends before {@code later} starts. */
    record Before(String earlier, String later) implements OrderRule {
        public Before {
            Objects.requireNonNull(earlier, "earlier");
            Objects.requireNonNull(later, "later");
        }

        @Override
        public String describe(java.util.function.Function<String, String> titleOf) {
            return titleOf.apply(earlier) + " before " + titleOf.apply(later);
        }
    }
}
