package dev.secondround.scheduling.engine.testsupport;

import dev.secondround.scheduling.engine.ScheduledSession;
import dev.secondround.scheduling.engine.SessionKind;
import dev.secondround.scheduling.engine.testsupport.WeekPlanner.Outcome;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who got what in a planned week, counted from the booked options themselves: sessions per person
 * from this week's loops, interviews they had before, the manager's loops per weekday, and lunch hosts
 * with two lunches on one day.
 */
public final class WeekLoad {

    private final WeekPlanner.Week week;
    private final Map<String, Integer> fromLoops = new HashMap<>();
    private final int[] hmPerDay = new int[5];
    private int doubleLunchHostDays;

    private WeekLoad(WeekPlanner.Week week) {
        this.week = week;
    }

    public static WeekLoad of(WeekPlanner.Week week) {
        WeekLoad load = new WeekLoad(week);
        Map<String, Integer> lunchesPerHostDay = new HashMap<>();
        for (Outcome o : week.booked()) {
            LocalDate day = o.booked().day();
            for (ScheduledSession s : o.booked().sessions()) {
                for (String id : s.personIds()) {
                    load.fromLoops.merge(id, 1, Integer::sum);
                    if (s.kind() == SessionKind.LUNCH) {
                        lunchesPerHostDay.merge(id + "|" + day, 1, Integer::sum);
                    }
                    if (id.equals(FinalistsWeek.HIRING_MANAGER)) {
                        load.hmPerDay[day.getDayOfWeek().getValue() - 1]++;
                    }
                }
            }
        }
        load.doubleLunchHostDays = (int) lunchesPerHostDay.values().stream().filter(n -> n > 1).count();
        return load;
    }

    /** Sessions of this week's loops the person is in (interviews, tours or lunches). */
    public int fromLoops(String personId) {
        return fromLoops.getOrDefault(personId, 0);
    }

    /** Interviews the person had in the week before any finalist was booked. */
    public int earlier(String personId) {
        return week.instance().directory().person(personId).orElseThrow().bookedInWeekOf(week.instance().monday());
    }

    /** The hiring manager's sessions per weekday, Monday first. */
    public int[] hmPerDay() {
        return hmPerDay.clone();
    }

    public int doubleLunchHostDays() {
        return doubleLunchHostDays;
    }

    /**
     * A member's load: for the interview pools (peers, Java) the week's interviews including earlier
     * ones, which is what the engine's pool-load preference balances; for guides and hosts their tours
     * or lunches from this week's loops.
     */
    public int load(String poolId, String personId) {
        boolean interviews = poolId.equals(FinalistsWeek.PEERS) || poolId.equals(FinalistsWeek.JAVA);
        return fromLoops(personId) + (interviews ? earlier(personId) : 0);
    }

    /** Max minus min {@link #load} over the pool's members. */
    public int spread(String poolId) {
        List<String> members = week.instance().poolMembers(poolId);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (String id : members) {
            min = Math.min(min, load(poolId, id));
            max = Math.max(max, load(poolId, id));
        }
        return max - min;
    }
}
