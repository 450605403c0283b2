package dev.secondround.scheduling.engine;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A person who can take part in a loop (interviewers, tour guides and lunch hosts alike).
 *
 * @param id                   directory id
 * @param displayName          the exact spelling used in explanations and itineraries
 * @param zone                 the person's IANA zone; working hours, days and weeks are read in it
 * @param workingHours         per weekday, in {@code zone}
 * @param limits               interviews per day and per week
 * @param busy                 time off and existing bookings
 * @param interviewsBookedPerDay interviews the person already has, per date in their own zone. The
 *                             weekly count is the sum over the ISO week's seven dates, so the caller
 *                             includes every date of each week the loop's date range touches
 */
public record Interviewer(String id, String displayName, ZoneId zone, WorkingHours workingHours,
                          InterviewLimits limits, List<BusyBlock> busy, Map<LocalDate, Integer> interviewsBookedPerDay) {

    public Interviewer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(workingHours, "workingHours");
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        limits = limits == null ? InterviewLimits.NONE : limits;
        busy = List.copyOf(busy == null ? List.of() : busy);
        interviewsBookedPerDay = Map.copyOf(interviewsBookedPerDay == null ? Map.of() : interviewsBookedPerDay);
    }

    public int bookedOn(LocalDate date) {
        return interviewsBookedPerDay.getOrDefault(date, 0);
    }

    /** Interviews already booked in the ISO week (Monday to Sunday) that contains {@code date}. */
    public int bookedInWeekOf(LocalDate date) {
        LocalDate monday = date.minusDays(date.getDayOfWeek().getValue() - 1L);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += bookedOn(monday.plusDays(i));
        }
        return sum;
    }

    public Interviewer withBusy(List<BusyBlock> blocks) {
        return new Interviewer(id, displayName, zone, workingHours, limits, blocks, interviewsBookedPerDay);
    }

    public Interviewer withLimits(InterviewLimits newLimits) {
        return new Interviewer(id, displayName, zone, workingHours, newLimits, busy, interviewsBookedPerDay);
    }

    public Interviewer withBooked(Map<LocalDate, Integer> perDay) {
        return new Interviewer(id, displayName, zone, workingHours, limits, busy, perDay);
    }

    public Interviewer withWorkingHours(WorkingHours hours) {
        return new Interviewer(id, displayName, zone, hours, limits, busy, interviewsBookedPerDay);
    }
}
