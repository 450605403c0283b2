package dev.secondround.scheduling.engine;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Working hours per weekday in the person's own zone. Several windows per day are allowed
 * (09:00–12:00 and 13:00–17:00); overlapping or touching windows are merged, so a session may span
 * 12:00 in "09:00–12:00, 12:00–17:00". A weekday without windows is a day off.
 */
public record WorkingHours(Map<DayOfWeek, List<LocalTimeWindow>> perWeekday) {

    public WorkingHours {
        EnumMap<DayOfWeek, List<LocalTimeWindow>> normalised = new EnumMap<>(DayOfWeek.class);
        if (perWeekday != null) {
            perWeekday.forEach((day, windows) -> {
                List<LocalTimeWindow> merged = merge(windows);
                if (!merged.isEmpty()) {
                    normalised.put(day, merged);
                }
            });
        }
        perWeekday = java.util.Collections.unmodifiableMap(normalised);
    }

    /** The same window Monday to Friday. */
    public static WorkingHours weekdays(LocalTime from, LocalTime to) {
        Map<DayOfWeek, List<LocalTimeWindow>> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            map.put(d, List.of(new LocalTimeWindow(from, to)));
        }
        return new WorkingHours(map);
    }

    public static WorkingHours weekdays(String from, String to) {
        return weekdays(LocalTime.parse(from), LocalTime.parse(to));
    }

    public List<LocalTimeWindow> on(DayOfWeek day) {
        return perWeekday.getOrDefault(day, List.of());
    }

    public WorkingHours with(DayOfWeek day, List<LocalTimeWindow> windows) {
        Map<DayOfWeek, List<LocalTimeWindow>> map = new EnumMap<>(DayOfWeek.class);
        map.putAll(perWeekday);
        map.put(day, windows);
        return new WorkingHours(map);
    }

    private static List<LocalTimeWindow> merge(List<LocalTimeWindow> windows) {
        List<LocalTimeWindow> sorted = new ArrayList<>(windows == null ? List.of() : windows);
        sorted.sort(Comparator.comparing(LocalTimeWindow::from));
        List<LocalTimeWindow> out = new ArrayList<>();
        for (LocalTimeWindow w : sorted) {
            if (!out.isEmpty() && !w.from().isAfter(out.get(out.size() - 1).to())) {
                LocalTimeWindow last = out.remove(out.size() - 1);
                out.add(new LocalTimeWindow(last.from(), w.to().isAfter(last.to()) ? w.to() : last.to()));
            } else {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }
}
