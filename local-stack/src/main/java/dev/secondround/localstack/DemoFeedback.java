package dev.secondround.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the participants of the held demo loops wrote, each submitted signed in as its author. Thandiwe
 * Nkosi's two rounds for the Senior Backend Engineer (Java) job tell a story a hiring manager should
 * notice: a clear yes in round 1; in round 2 the strongest technical showing yet, but her professional
 * demeanour slipped (late, curt with the panel), and the panel splits from STRONG_YES to STRONG_NO.
 * Jonas Brückner (VP Engineering) has not written his yet: his request stays open and overdue, so the
 * reminder job reminds him and the status view shows it.
 * <p>
 * The attribute keys and key questions are those of the feedback service's default templates (full
 * scorecard for interviews, light form for the tour and lunch).
 */
final class DemoFeedback {

    static final String BETTER_THAN_ANYONE = "What would this person do better than anyone on the team today?";
    static final String CONCERNS = "What concerns you, and how could the next round test it?";
    static final String ANYTHING_TO_KNOW = "Anything the interviewers should know?";

    record ScorecardSpec(String personKey, Map<String, Integer> ratings, String recommendation, Map<String, String> answers,
                         String notes) {
    }

    private DemoFeedback() {
    }

    /** The scorecards of one held loop; participants without one stay outstanding. */
    static List<ScorecardSpec> of(String tenant, DemoDirectory.LoopSpec loop) {
        String which = tenant + "/" + loop.candidateKey() + "@" + loop.jobKey() + "/" + loop.round();
        return switch (which) {
            case "ambrion/thandiwe-nkosi@backend/1" -> List.of(
                    new ScorecardSpec("ingrid", full(3, 3, 4, 4, 3, 4, 4, 4), "YES", Map.of(
                            BETTER_THAN_ANYONE, "Owning a migration under load: she has done it and can explain every step.",
                            CONCERNS, "Distributed-systems depth. Give her a real design problem in round 2: idempotent consumers, "
                                    + "an outbox, backpressure."),
                            "Walked me through the payments migration she led at her last employer end to end, including what she "
                                    + "would do differently. On time, warm with everyone, had read our engineering blog. Hesitated "
                                    + "on consistency trade-offs when I asked about the outbox pattern."),
                    new ScorecardSpec("ravi", full(3, 3, 3, 3, 3, 3, 4, 3), "YES", Map.of(
                            CONCERNS, "JVM performance under real load; she has not tuned G1 in production. A profiling exercise "
                                    + "would show it."),
                            "Solid modern Java: records, sealed types, virtual threads and when not to use them. Her GC answers "
                                    + "were textbook but correct. Well prepared and courteous."),
                    new ScorecardSpec("kwame", full(3, 3, 4, 3, 4, 3, 4, 4), "STRONG_YES", Map.of(
                            BETTER_THAN_ANYONE, "Bringing structure to incidents: her post-mortem stories were the best I have "
                                    + "heard from a candidate."),
                            "Easy to talk to; asked good questions about our on-call rota and how we review code. I would pair "
                                    + "with her tomorrow."));
            case "ambrion/thandiwe-nkosi@backend/2" -> List.of(
                    new ScorecardSpec("ingrid", full(3, 3, 2, 3, 3, 3, 2, 3), "YES", Map.of(
                            CONCERNS, "The change in her demeanour since round 1. Ask her references how she works under pressure."),
                            "Her design for the settlement service was sound and she defended it well. But she arrived 25 minutes "
                                    + "late without a message and was curt with Greta and the panel: not the person I met in "
                                    + "round 1. Still a yes on substance; I want the panel's view on the behaviour."),
                    new ScorecardSpec("chloe", full(4, 4, 3, 3, 3, 3, 3, 3), "STRONG_YES", Map.of(
                            BETTER_THAN_ANYONE, "Designing for failure: she reaches for the boring, reliable pattern first."),
                            "Best system-design session I have run this year: idempotent consumers, an outbox for the ledger "
                                    + "events, backpressure when the bank's API slows down, sized on the whiteboard. A little "
                                    + "impatient when I changed the requirements halfway, but professional."),
                    new ScorecardSpec("kwame", full(3, 3, 1, 2, 2, 2, 1, 2), "STRONG_NO", Map.of(
                            CONCERNS, "How she takes pushback from peers. If there is a round 3, a pairing session with the team."),
                            "Dismissive when Ana questioned her caching approach (\"that is a junior concern\"), interrupted us "
                                    + "both repeatedly and checked her phone through the last part of the panel. Very different "
                                    + "from the person I had coffee with in round 1. On this team, how you disagree matters as "
                                    + "much as being right."),
                    new ScorecardSpec("ana", full(4, 3, 2, 3, 2, 3, 2, 3), "YES", Map.of(),
                            "Technically the strongest candidate I have interviewed for this role, and on cache invalidation she "
                                    + "was right and I was wrong. But she brushed my question off instead of explaining, and that "
                                    + "will matter with the more junior people. A yes, with coaching on how she disagrees."),
                    new ScorecardSpec("greta", light(2, 3, 2), "NO", Map.of(
                            ANYTHING_TO_KNOW, "She asked twice whether the role could be fully remote; it is hybrid."),
                            "On her phone for most of the tour and did not greet the people we met in the team area. Perked up "
                                    + "only at the hardware lab."),
                    new ScorecardSpec("oskar", light(3, 4, 3), "YES", Map.of(),
                            "Relaxed at lunch, asked lots about our deploy pipeline and the on-call rota. Apologised for the "
                                    + "morning: her train had been stuck outside Hauptbahnhof."));
            default -> List.of();
        };
    }

    /** The full interview scorecard, in the template's order. */
    private static Map<String, Integer> full(int depthOfExperience, int jobKnowledge, int softSkills, int communication,
                                             int teamFit, int cultureFit, int professionalDemeanour, int enthusiasm) {
        Map<String, Integer> ratings = new LinkedHashMap<>();
        ratings.put("depth_of_experience", depthOfExperience);
        ratings.put("job_knowledge", jobKnowledge);
        ratings.put("soft_skills", softSkills);
        ratings.put("communication", communication);
        ratings.put("team_fit", teamFit);
        ratings.put("culture_fit", cultureFit);
        ratings.put("professional_demeanour", professionalDemeanour);
        ratings.put("enthusiasm", enthusiasm);
        return ratings;
    }

    /** The light form of tour guides and lunch hosts. */
    private static Map<String, Integer> light(int professionalDemeanour, int enthusiasm, int teamFit) {
        Map<String, Integer> ratings = new LinkedHashMap<>();
        ratings.put("professional_demeanour", professionalDemeanour);
        ratings.put("enthusiasm", enthusiasm);
        ratings.put("team_fit", teamFit);
        return ratings;
    }
}
