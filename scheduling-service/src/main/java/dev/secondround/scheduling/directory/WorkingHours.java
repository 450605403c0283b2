package dev.secondround.scheduling.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** One working day's hours, in the interviewer's own time zone. */
public record WorkingHours(DayOfWeek day, LocalTime start, LocalTime end) {

    /** Monday to Friday, 09:00 to 17:00: what a new interviewer gets when nobody says otherwise. */
    public static List<WorkingHours> officeWeek() {
        return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .stream().map(day -> new WorkingHours(day, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList();
    }
}
