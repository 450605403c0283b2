package dev.secondround.scheduling.directory;

import dev.secondround.platform.api.Text;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.scheduling.directory.BusyBlockApi.BusyBlockRequest;
import dev.secondround.scheduling.directory.BusyBlockApi.ImportResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class BusyBlockService {

    /** Longer than a year is almost certainly a typo in a date. */
    static final Duration LONGEST_BLOCK = Duration.ofDays(366);
    static final Duration DEFAULT_IMPORT_WINDOW = Duration.ofDays(90);

    private final EntityManager em;
    private final InterviewerService interviewers;
    private final dev.secondround.platform.security.Caller caller;

    public BusyBlockService(EntityManager em, InterviewerService interviewers, dev.secondround.platform.security.Caller caller) {
        this.em = em;
        this.interviewers = interviewers;
        this.caller = caller;
    }

    public BusyBlock create(UUID interviewerId, BusyBlockRequest request) {
        interviewers.requireEditableTimeOff(interviewerId);
        checkSpan(request.startsAt(), request.endsAt(), "endsAt");
        // Waits for a booking of this person in progress, so time off and a booking cannot cross unseen.
        InterviewerLocks.lock(em, caller.tenant(), List.of(interviewerId));
        BusyBlock block = new BusyBlock();
        block.interviewerId = interviewerId;
        block.startsAt = request.startsAt().truncatedTo(ChronoUnit.SECONDS);
        block.endsAt = request.endsAt().truncatedTo(ChronoUnit.SECONDS);
        block.kind = request.kind();
        block.source = BusyBlock.Source.API;
        block.summary = Text.clean(request.summary());
        em.persist(block);
        em.flush();
        return block;
    }

    /** Blocks overlapping [from, to) when given, else all; ordered by change for sync. */
    public Page<BusyBlock> list(UUID interviewerId, Instant from, Instant to, PageParams page) {
        interviewers.requireEditableTimeOff(interviewerId);
        return KeysetQuery.of(BusyBlock.class)
                .and("e.interviewerId = :interviewerId", "interviewerId", interviewerId)
                .andIf(to != null, "e.startsAt < :to", "to", to)
                .andIf(from != null, "e.endsAt > :from", "from", from)
                .page(em, page);
    }

    public void delete(UUID interviewerId, UUID blockId) {
        interviewers.requireEditableTimeOff(interviewerId);
        BusyBlock block = em.find(BusyBlock.class, blockId);
        if (block == null || !block.interviewerId.equals(interviewerId)) {
            throw ProblemException.notFound("busy block");
        }
        em.remove(block);
        em.flush();
    }

    /**
     * Brings the interviewer's imported busy times in the window in line with the calendar: new events
     * are added, moved or renamed ones updated (matched by UID and start), vanished ones removed.
     * Blocks entered through the API are never touched.
     */
    public ImportResult importCalendar(UUID interviewerId, String ics, Instant from, Instant to) {
        Interviewer interviewer = interviewers.requireEditableTimeOff(interviewerId);
        InterviewerLocks.lock(em, caller.tenant(), List.of(interviewerId));
        Instant windowStart = from == null ? Instant.now().truncatedTo(ChronoUnit.DAYS) : from;
        Instant windowEnd = to == null ? windowStart.plus(DEFAULT_IMPORT_WINDOW) : to;
        checkSpan(windowStart, windowEnd, "to");
        CalendarImport.Result read;
        try {
            read = CalendarImport.read(ics == null ? "" : ics, ZoneId.of(interviewer.timeZone), windowStart, windowEnd);
        } catch (CalendarImport.UnreadableCalendarException e) {
            throw ProblemException.invalidField("body", e.getMessage());
        }
        List<BusyBlock> existing = em.createQuery("""
                        select b from BusyBlock b where b.interviewerId = :interviewer and b.source = :source
                        and b.startsAt < :windowEnd and b.endsAt > :windowStart""", BusyBlock.class)
                .setParameter("interviewer", interviewerId).setParameter("source", BusyBlock.Source.ICS_IMPORT)
                .setParameter("windowStart", windowStart).setParameter("windowEnd", windowEnd)
                .getResultList();
        Set<BusyBlock> kept = new HashSet<>();
        int imported = 0;
        int updated = 0;
        Set<String> seen = new HashSet<>();
        for (CalendarImport.Occurrence occurrence : read.occurrences()) {
            if (occurrence.uid() != null && !seen.add(occurrence.uid() + "|" + occurrence.start())) {
                continue; // the same occurrence twice in one file
            }
            Instant start = occurrence.start().truncatedTo(ChronoUnit.SECONDS);
            Instant end = occurrence.end().truncatedTo(ChronoUnit.SECONDS);
            BusyBlock.Kind kind = occurrence.allDay() ? BusyBlock.Kind.TIME_OFF : BusyBlock.Kind.BUSY;
            String summary = occurrence.summary() == null ? null : Text.clean(occurrence.summary().length() > 200
                    ? occurrence.summary().substring(0, 200) : occurrence.summary());
            BusyBlock match = occurrence.uid() == null ? null : existing.stream()
                    .filter(b -> occurrence.uid().equals(b.externalUid) && b.startsAt.equals(start) && !kept.contains(b))
                    .findFirst().orElse(null);
            if (match != null) {
                kept.add(match);
                if (!match.endsAt.equals(end) || match.kind != kind || !java.util.Objects.equals(match.summary, summary)) {
                    match.endsAt = end;
                    match.kind = kind;
                    match.summary = summary;
                    updated++;
                }
                continue;
            }
            BusyBlock block = new BusyBlock();
            block.interviewerId = interviewerId;
            block.startsAt = start;
            block.endsAt = end;
            block.kind = kind;
            block.source = BusyBlock.Source.ICS_IMPORT;
            block.summary = summary;
            block.externalUid = occurrence.uid();
            em.persist(block);
            kept.add(block);
            imported++;
        }
        int removed = 0;
        for (BusyBlock old : existing) {
            if (!kept.contains(old)) {
                em.remove(old);
                removed++;
            }
        }
        em.flush();
        return new ImportResult(imported, updated, removed, read.skipped(), windowStart, windowEnd, read.warnings());
    }

    private static void checkSpan(Instant start, Instant end, String endField) {
        if (!end.isAfter(start)) {
            throw ProblemException.invalidField(endField, "must be after the start");
        }
        if (Duration.between(start, end).compareTo(LONGEST_BLOCK) > 0) {
            throw ProblemException.invalidField(endField, "spans more than 366 days");
        }
    }
}
