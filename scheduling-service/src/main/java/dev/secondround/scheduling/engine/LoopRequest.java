package dev.secondround.scheduling.engine;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A second-round loop to plan: all of its sessions on one calendar day (in {@code zone}) between
 * {@code firstDay} and {@code lastDay} inclusive, one after another for the candidate.
 *
 * @param zone                  IANA zone of the loop (where the candidate is); days, session windows
 *                              and the start-time grid are read in it
 * @param firstDay              first day that may be used, inclusive
 * @param lastDay               last day that may be used, inclusive
 * @param candidateAvailability when the candidate can attend; every session lies inside one window
 *                              (overlapping or touching windows are merged)
 * @param sessions              the sessions, up to about eight
 * @param orderRules            first / last / before rules
 * @param optionsWanted         k: how many ranked options to return (1 to 50)
 * @param granularity           start times lie on this grid counted from local midnight; divides an
 *                              hour (5, 10, 15, 20, 30 or 60 minutes); every duration is a multiple
 */
public record LoopRequest(ZoneId zone, LocalDate firstDay, LocalDate lastDay, List<TimeSpan> candidateAvailability,
                          List<SessionRequest> sessions, List<OrderRule> orderRules, int optionsWanted,
                          Duration granularity) {

    public static final Duration DEFAULT_GRANULARITY = Duration.ofMinutes(5);
    public static final int DEFAULT_OPTIONS = 5;

    public LoopRequest {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        candidateAvailability = List.copyOf(candidateAvailability == null ? List.of() : candidateAvailability);
        sessions = List.copyOf(Objects.requireNonNull(sessions, "sessions"));
        orderRules = List.copyOf(orderRules == null ? List.of() : orderRules);
        granularity = granularity == null ? DEFAULT_GRANULARITY : granularity;
    }

    /** With the default granularity (5 minutes) and the default number of options (5). */
    public LoopRequest(ZoneId zone, LocalDate firstDay, LocalDate lastDay, List<TimeSpan> candidateAvailability,
                       List<SessionRequest> sessions, List<OrderRule> orderRules) {
        this(zone, firstDay, lastDay, candidateAvailability, sessions, orderRules, DEFAULT_OPTIONS, DEFAULT_GRANULARITY);
    }

    public LoopRequest withOptionsWanted(int k) {
        return new LoopRequest(zone, firstDay, lastDay, candidateAvailability, sessions, orderRules, k, granularity);
    }

    public LoopRequest withGranularity(Duration newGranularity) {
        return new LoopRequest(zone, firstDay, lastDay, candidateAvailability, sessions, orderRules, optionsWanted,
                newGranularity);
    }

    public LoopRequest withSessions(List<SessionRequest> newSessions) {
        return new LoopRequest(zone, firstDay, lastDay, candidateAvailability, newSessions, orderRules, optionsWanted,
                granularity);
    }

    public LoopRequest withOrderRules(List<OrderRule> newRules) {
        return new LoopRequest(zone, firstDay, lastDay, candidateAvailability, sessions, newRules, optionsWanted,
                granularity);
    }

    public LoopRequest withCandidateAvailability(List<TimeSpan> windows) {
        return new LoopRequest(zone, firstDay, lastDay, windows, sessions, orderRules, optionsWanted, granularity);
    }

    public LoopRequest withDays(LocalDate first, LocalDate last) {
        return new LoopRequest(zone, first, last, candidateAvailability, sessions, orderRules, optionsWanted,
                granularity);
    }
}
