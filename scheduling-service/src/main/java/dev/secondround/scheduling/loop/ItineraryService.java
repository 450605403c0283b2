package dev.secondround.scheduling.loop;

import dev.secondround.platform.problem.ProblemException;
import dev.secondround.scheduling.directory.Interviewer;
import dev.secondround.scheduling.room.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What people receive about a booked loop: the candidate's itinerary (JSON and a printable page)
 * and RFC 5545 invites. An invite's SEQUENCE is the loop's version, so an update or a cancellation
 * replaces the earlier invite in the attendee's calendar instead of adding a second one.
 */
@ApplicationScoped
public class ItineraryService {

    private final EntityManager em;
    private final LoopBookingService loops;
    private final String organizer;

    public ItineraryService(EntityManager em, LoopBookingService loops,
                            @ConfigProperty(name = "scheduling.invites.organizer", defaultValue = "mailto:scheduling@secondround.dev") String organizer) {
        this.em = em;
        this.loops = loops;
        this.organizer = organizer;
    }

    @Transactional
    public Itinerary itinerary(UUID loopId) {
        Loop loop = requireBooked(loopId);
        ZoneId zone = ZoneId.of(loop.timeZone);
        List<LoopSession> sessions = loops.sessionsOf(loopId);
        Map<UUID, Interviewer> people = people(sessions);
        Map<UUID, Room> rooms = rooms(sessions);
        return new Itinerary(loop.getId(), loop.title, loop.candidateName, loop.jobTitle, loop.roundName, loop.timeZone, loop.day,
                loop.statusAt(java.time.Instant.now()).name(),
                sessions.stream().map(s -> new Itinerary.Stop(
                        s.startsAt.atZone(zone).toLocalTime(), s.endsAt.atZone(zone).toLocalTime(), s.kind.name(), s.title,
                        s.participants.stream().map(p -> new Itinerary.Person(p.fullName(), p.title(),
                                people.containsKey(p.interviewerId()) ? people.get(p.interviewerId()).roleKind.name() : null)).toList(),
                        where(s, rooms))).toList());
    }

    /** Itineraries and invites exist once there is a timetable: DRAFT and PROPOSED loops have none yet. */
    private Loop requireBooked(UUID loopId) {
        Loop loop = loops.require(loopId);
        if (loop.day == null) {
            throw ProblemException.conflict("the loop is " + loop.status + "; itineraries and invites exist once it is booked");
        }
        return loop;
    }

    /** A page the candidate can print: plain HTML, every value escaped. */
    public String html(Itinerary itinerary) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>""").append(escape(itinerary.title())).append("""
                </title><style>
                body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;color:#222}
                table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.5rem;text-align:left;vertical-align:top}
                .time{white-space:nowrap;font-variant-numeric:tabular-nums}.kind{color:#666;font-size:.85em;text-transform:lowercase}
                @media print{body{margin:0}}
                </style></head><body>
                """);
        page.append("<h1>").append(escape(itinerary.title())).append("</h1>\n");
        if (itinerary.candidateName() != null) {
            page.append("<p>For <strong>").append(escape(itinerary.candidateName())).append("</strong>");
            if (itinerary.jobTitle() != null) {
                page.append(" · ").append(escape(itinerary.jobTitle()));
            }
            if (itinerary.roundName() != null) {
                page.append(" · ").append(escape(itinerary.roundName()));
            }
            page.append("</p>\n");
        }
        page.append("<p>")
                .append(escape(itinerary.day().format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", java.util.Locale.ENGLISH))))
                .append(" · times in ").append(escape(itinerary.timeZone()));
        if ("CANCELLED".equals(itinerary.status())) {
            page.append(" · <strong>cancelled</strong>");
        }
        page.append("</p>\n<table><thead><tr><th>When</th><th>What</th><th>Who</th><th>Where</th></tr></thead><tbody>\n");
        for (Itinerary.Stop stop : itinerary.stops()) {
            page.append("<tr><td class=\"time\">").append(stop.from()).append("–").append(stop.to()).append("</td><td>")
                    .append(escape(stop.title())).append("<br><span class=\"kind\">").append(escape(stop.kind())).append("</span></td><td>");
            page.append(stop.people().stream().map(p -> "<strong>" + escape(p.fullName()) + "</strong>"
                    + (p.title() == null ? "" : "<br>" + escape(p.title()))).collect(Collectors.joining("<br><br>")));
            page.append("</td><td>").append(escape(stop.where())).append("</td></tr>\n");
        }
        return page.append("</tbody></table>\n</body></html>\n").toString();
    }

    /** An .ics file and its iTIP method, which the HTTP answer repeats in its Content-Type. */
    public record CalendarFile(String content, String method) {
    }

    /**
     * One event for the whole day, for the candidate: an iTIP REQUEST with the candidate as attendee
     * (CANCEL once the loop is cancelled). Loops from before candidates were recorded have no address
     * to invite, so their file is only published.
     */
    @Transactional
    public CalendarFile candidateInvite(UUID loopId) {
        return candidateInvite(itinerary(loopId));
    }

    /** The candidate's invite for an itinerary already built (the mail sends both). */
    CalendarFile candidateInvite(Itinerary itinerary) {
        Loop loop = loops.require(itinerary.loopId());
        VEvent event = new VEvent(loop.startsAt, loop.endsAt, loop.title);
        event.add(new Uid(loop.getId() + "-candidate@secondround.dev"));
        event.add(new Description(text(itinerary)));
        String firstPlace = itinerary.stops().get(0).where();
        if (firstPlace != null) {
            event.add(new Location(firstPlace));
        }
        if (loop.candidateEmail == null) {
            return calendar(loop, List.of(event), ImmutableMethod.PUBLISH);
        }
        ParameterList parameters = new ParameterList(List.of(new Cn(loop.candidateName), new Role("REQ-PARTICIPANT")));
        event.add(new Attendee(parameters, URI.create("mailto:" + loop.candidateEmail)));
        return calendar(loop, List.of(event), loop.status == Loop.LoopStatus.CANCELLED ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
    }

    /**
     * One event per session the interviewer is in, with everyone in it as attendees. Someone who was
     * replaced gets a CANCEL for the events their calendar still holds (same UIDs, higher SEQUENCE).
     */
    @Transactional
    public CalendarFile interviewerInvite(UUID loopId, UUID interviewerId) {
        Loop loop = requireBooked(loopId);
        List<LoopSession> all = loops.sessionsOf(loopId);
        List<LoopSession> theirs = all.stream()
                .filter(s -> s.participants.stream().anyMatch(p -> p.interviewerId().equals(interviewerId))).toList();
        boolean replaced = theirs.isEmpty();
        if (replaced) {
            theirs = all.stream().filter(s -> s.formerParticipants.stream().anyMatch(p -> p.interviewerId().equals(interviewerId))).toList();
        }
        if (theirs.isEmpty()) {
            throw ProblemException.notFound("interviewer in this loop");
        }
        Map<UUID, Interviewer> people = people(theirs);
        Map<UUID, Room> rooms = rooms(theirs);
        List<VEvent> events = theirs.stream().map(s -> {
            VEvent event = new VEvent(s.startsAt, s.endsAt, s.title + " — " + loop.title);
            event.add(new Uid(s.getId() + "-" + interviewerId + "@secondround.dev"));
            String where = where(s, rooms);
            if (where != null) {
                event.add(new Location(where));
            }
            for (LoopSession.Participant p : s.participants) {
                Interviewer person = people.get(p.interviewerId());
                if (person != null) {
                    ParameterList parameters = new ParameterList(List.of(new Cn(p.fullName()), new Role("REQ-PARTICIPANT")));
                    event.add(new Attendee(parameters, URI.create("mailto:" + person.email)));
                }
            }
            return event;
        }).toList();
        boolean withdrawn = replaced || loop.status == Loop.LoopStatus.CANCELLED;
        return calendar(loop, events, withdrawn ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
    }

    /** Events are cancelled when the method says so or the whole loop is (a published file says it by STATUS). */
    private CalendarFile calendar(Loop loop, List<VEvent> events, net.fortuna.ical4j.model.property.Method method) {
        boolean cancelled = method == ImmutableMethod.CANCEL || loop.status == Loop.LoopStatus.CANCELLED;
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Second round//Scheduling//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(method);
        for (VEvent event : events) {
            event.add(new Sequence((int) loop.getVersion()));
            event.add(new Organizer(URI.create(organizer)));
            event.add(cancelled ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
            calendar.add(event);
        }
        // CalendarOutputter folds long lines at 75 octets, as RFC 5545 asks.
        java.io.StringWriter ics = new java.io.StringWriter();
        try {
            new net.fortuna.ical4j.data.CalendarOutputter(false).output(calendar, ics);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new CalendarFile(ics.toString(), method.getValue());
    }

    static String text(Itinerary itinerary) {
        StringBuilder text = new StringBuilder(itinerary.title()).append(" (times in ").append(itinerary.timeZone()).append(")\n");
        for (Itinerary.Stop stop : itinerary.stops()) {
            text.append(stop.from()).append("–").append(stop.to()).append("  ").append(stop.title());
            if (!stop.people().isEmpty()) {
                text.append(" with ").append(stop.people().stream()
                        .map(p -> p.fullName() + (p.title() == null ? "" : " (" + p.title() + ")")).collect(Collectors.joining(", ")));
            }
            if (stop.where() != null) {
                text.append(" — ").append(stop.where());
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String where(LoopSession session, Map<UUID, Room> rooms) {
        if ("ROOM".equals(session.venue) && session.roomId != null && rooms.containsKey(session.roomId)) {
            Room room = rooms.get(session.roomId);
            return room.name + (room.building == null ? "" : ", " + room.building) + (room.floor == null ? "" : ", floor " + room.floor);
        }
        if ("VIDEO".equals(session.venue)) {
            return "Video call";
        }
        return null;
    }

    private Map<UUID, Interviewer> people(List<LoopSession> sessions) {
        Set<UUID> ids = sessions.stream().flatMap(s -> java.util.stream.Stream.concat(s.participants.stream(), s.formerParticipants.stream()))
                .map(LoopSession.Participant::interviewerId).collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : em.createQuery("select i from Interviewer i where i.id in :ids", Interviewer.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(Interviewer::getId, Function.identity()));
    }

    private Map<UUID, Room> rooms(List<LoopSession> sessions) {
        Set<UUID> ids = sessions.stream().map(s -> s.roomId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : em.createQuery("select r from Room r where r.id in :ids", Room.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(Room::getId, Function.identity()));
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
