package dev.secondround.scheduling.directory;

import dev.secondround.platform.api.Text;
import dev.secondround.platform.concurrency.IfMatch;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Like;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.scheduling.access.SchedulingAccess;
import dev.secondround.scheduling.directory.InterviewerApi.InterviewerRequest;
import dev.secondround.scheduling.directory.InterviewerApi.WorkingHoursBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class InterviewerService {

    private final InterviewerRepository interviewers;
    private final SchedulingAccess access;
    private final Event<InterviewerUpdated> updated;

    public InterviewerService(InterviewerRepository interviewers, SchedulingAccess access, Event<InterviewerUpdated> updated) {
        this.interviewers = interviewers;
        this.access = access;
        this.updated = updated;
    }

    public Interviewer create(InterviewerRequest request) {
        Interviewer interviewer = new Interviewer();
        apply(interviewer, request);
        interviewers.persistAndFlush(interviewer);
        return interviewer;
    }

    public Interviewer update(UUID id, IfMatch ifMatch, InterviewerRequest request) {
        Interviewer interviewer = require(id);
        ifMatch.check(interviewer.getVersion());
        InterviewerUpdated.Identity before = InterviewerUpdated.Identity.of(interviewer);
        apply(interviewer, request);
        interviewers.flush();
        // Booked loops pass the person's email and sign-in on to the feedback service (LoopFeedbackSync observes this).
        updated.fire(new InterviewerUpdated(interviewer, before));
        return interviewer;
    }

    public Optional<Interviewer> find(UUID id) {
        return interviewers.findByIdOptional(id);
    }

    public Interviewer require(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("interviewer"));
    }

    /** Schedulers and hiring managers read the directory; an interviewer only their own entry (else 404). */
    public Interviewer requireVisibleToReader(UUID id) {
        Interviewer interviewer = require(id);
        if (access.isInterviewerOnly() && !access.isSelf(interviewer.oidcSubject)) {
            throw ProblemException.notFound("interviewer");
        }
        return interviewer;
    }

    /** Time off is kept by schedulers, or by the interviewer for themself; anyone else gets 404. */
    public Interviewer requireEditableTimeOff(UUID id) {
        Interviewer interviewer = require(id);
        if (!access.schedules() && !access.isSelf(interviewer.oidcSubject)) {
            throw ProblemException.notFound("interviewer");
        }
        return interviewer;
    }

    public Interviewer requireSelf() {
        return interviewers.findBySubject(access.subject())
                .orElseThrow(() -> ProblemException.notFound("interviewer entry for your sign-in"));
    }

    public Page<Interviewer> list(String q, InterviewerRole roleKind, Boolean active, PageParams page) {
        return KeysetQuery.of(Interviewer.class)
                .andIf(q != null && !q.isBlank(), "lower(e.fullName) like :q or lower(e.email) like :q or lower(e.title) like :q",
                        "q", Like.contains(q))
                .andIf(roleKind != null, "e.roleKind = :roleKind", "roleKind", roleKind)
                .andIf(active != null, "e.active = :active", "active", active)
                .page(interviewers.getEntityManager(), page);
    }

    private void apply(Interviewer interviewer, InterviewerRequest request) {
        UUID id = interviewer.getCreatedAt() == null ? null : interviewer.getId();
        if (interviewers.emailTaken(request.email(), id)) {
            throw ProblemException.conflict("an interviewer with email " + request.email() + " already exists");
        }
        String subject = Text.clean(request.oidcSubject());
        if (interviewers.subjectTaken(subject, id)) {
            throw ProblemException.conflict("another interviewer already signs in with this subject");
        }
        interviewer.fullName = request.fullName().strip();
        interviewer.title = request.title().strip();
        interviewer.roleKind = request.roleKind();
        interviewer.email = request.email().strip();
        interviewer.timeZone = validZone(request.timeZone());
        interviewer.workingHours = new ArrayList<>(validHours(request.workingHours()));
        interviewer.maxInterviewsPerDay = request.maxInterviewsPerDay() == null ? 3 : request.maxInterviewsPerDay();
        interviewer.maxInterviewsPerWeek = request.maxInterviewsPerWeek() == null ? 8 : request.maxInterviewsPerWeek();
        if (interviewer.maxInterviewsPerDay > interviewer.maxInterviewsPerWeek) {
            throw ProblemException.invalidField("maxInterviewsPerDay", "cannot exceed maxInterviewsPerWeek");
        }
        interviewer.oidcSubject = subject;
        interviewer.active = request.active() == null || request.active();
    }

    static String validZone(String zone) {
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
    }

    static List<WorkingHours> validHours(List<WorkingHoursBody> hours) {
        if (hours == null) {
            return WorkingHours.officeWeek();
        }
        var seen = EnumSet.noneOf(java.time.DayOfWeek.class);
        List<WorkingHours> valid = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            WorkingHoursBody day = hours.get(i);
            if (!seen.add(day.day())) {
                throw ProblemException.invalidField("workingHours[" + i + "].day", day.day() + " is listed twice");
            }
            if (!day.start().isBefore(day.end())) {
                throw ProblemException.invalidField("workingHours[" + i + "].end", "must be after start");
            }
            valid.add(new WorkingHours(day.day(), day.start(), day.end()));
        }
        valid.sort(java.util.Comparator.comparing(WorkingHours::day));
        return valid;
    }
}
