package dev.secondround.scheduling.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a found timetable into the public records, with the score and its breakdown recomputed. */
final class OptionAssembler {

    private OptionAssembler() {
    }

    static LoopOption assemble(Problem pb, Candidate c, int rank) {
        DayModel dm = c.day();
        List<ScheduledSession> sessions = new ArrayList<>();
        for (int s : c.order()) {
            int t = c.start()[s];
            SessionRequest req = pb.sessions[s];
            List<Participant> people = new ArrayList<>();
            for (int p : pb.named[s]) {
                people.add(new Participant(pb.people[p].id(), pb.people[p].displayName(), Optional.empty()));
            }
            int pos = 0;
            for (int d = 0; d < pb.demandPool[s].length; d++) {
                for (int i = 0; i < pb.demandCount[s][d]; i++) {
                    Interviewer person = pb.people[c.picks()[s][pos++]];
                    people.add(new Participant(person.id(), person.displayName(),
                            Optional.of(pb.pools[pb.demandPool[s][d]].id())));
                }
            }
            Venue venue = switch (pb.roomNeed[s]) {
                case NONE -> new Venue.NoVenue();
                case VIDEO -> new Venue.VideoCall();
                case IN_PERSON -> {
                    Room room = pb.rooms[dm.roomAt[s][t]];
                    yield new Venue.InRoom(room.id(), room.name(), room.capacity());
                }
            };
            Instant from = dm.cellStart(t);
            sessions.add(new ScheduledSession(req.id(), req.title(), req.kind(), from,
                    dm.cellStart(t + pb.lengthCells[s]), people, venue));
        }
        Score score = score(pb, c);
        assert score.total() == c.cost() : "search cost " + c.cost() + " differs from score " + score;
        return new LoopOption(rank, dm.date, sessions, score);
    }

    /** The score of a timetable, term by term, as documented in {@link ScoreWeights}. */
    static Score score(Problem pb, Candidate c) {
        DayModel dm = c.day();
        ScoreWeights w = pb.weights;
        int g = pb.granularityMinutes;
        List<ScoreTerm> terms = new ArrayList<>();

        int idle = 0;
        int stretchPoints = 0;
        int longest = 0;
        int prevEnd = -1;
        int stretchStart = -1;
        for (int s : c.order()) {
            int t = c.start()[s];
            if (prevEnd >= 0) {
                idle += (t - prevEnd) * g;
            }
            if (pb.rest[s]) {
                if (stretchStart >= 0) {
                    int len = (prevEnd - stretchStart) * g;
                    stretchPoints += Math.max(0, len - w.stretchMinutes()) * w.longStretchPerMinute();
                    longest = Math.max(longest, len);
                }
                stretchStart = -1;
            } else if (stretchStart < 0) {
                stretchStart = t;
            } else if ((t - prevEnd) * g >= w.restGapMinutes()) {
                int len = (prevEnd - stretchStart) * g;
                stretchPoints += Math.max(0, len - w.stretchMinutes()) * w.longStretchPerMinute();
                longest = Math.max(longest, len);
                stretchStart = t;
            }
            prevEnd = t + pb.lengthCells[s];
        }
        if (stretchStart >= 0) {
            int len = (prevEnd - stretchStart) * g;
            stretchPoints += Math.max(0, len - w.stretchMinutes()) * w.longStretchPerMinute();
            longest = Math.max(longest, len);
        }
        terms.add(new ScoreTerm("idle", idle * w.idlePerMinute(), idle + " min waiting between sessions"));
        terms.add(new ScoreTerm("long-stretch", stretchPoints, stretchPoints == 0
                ? "no stretch longer than " + w.stretchMinutes() + " min without a break"
                : "longest stretch without a break " + longest + " min (more than " + w.stretchMinutes() + ")"));
        terms.add(new ScoreTerm("later-day", dm.dayPenalty, dm.dayOffset == 0 ? "first day of the range"
                : dm.dayOffset + (dm.dayOffset == 1 ? " day" : " days") + " after the first day of the range"));

        int load = 0;
        List<String> loadNotes = new ArrayList<>();
        int edge = 0;
        List<String> edgeNotes = new ArrayList<>();
        for (int s : c.order()) {
            int t = c.start()[s];
            int len = pb.lengthCells[s];
            List<Integer> everyone = new ArrayList<>();
            for (int p : pb.named[s]) {
                everyone.add(p);
            }
            int pos = 0;
            for (int d = 0; d < pb.demandPool[s].length; d++) {
                int q = pb.demandPool[s][d];
                for (int i = 0; i < pb.demandCount[s][d]; i++) {
                    int p = c.picks()[s][pos++];
                    everyone.add(p);
                    int above = dm.weekLoad[p] - dm.poolMinLoad[q];
                    load += above * w.poolLoadPerInterview();
                    if (above > 0) {
                        loadNotes.add(pb.people[p].displayName() + " has " + above + " more interviews that week"
                                + " than the least-loaded member of " + pb.pools[q].id());
                    }
                }
            }
            for (int p : everyone) {
                int e = dm.edgeCost(p, t, len);
                edge += e;
                if (e > 0) {
                    edgeNotes.add(pb.people[p].displayName() + " (" + pb.title(s) + ")");
                }
            }
        }
        terms.add(new ScoreTerm("pool-load", load, loadNotes.isEmpty()
                ? "everyone picked from a pool is among its least-loaded members that week"
                : String.join("; ", loadNotes)));
        terms.add(new ScoreTerm("edge-of-hours", edge, edgeNotes.isEmpty()
                ? "no session within " + w.edgeMarginMinutes() + " min of anyone's start or end of work"
                : "close to the start or end of the working day for " + String.join(", ", edgeNotes)));
        int total = terms.stream().mapToInt(ScoreTerm::points).sum();
        return new Score(total, terms);
    }
}
