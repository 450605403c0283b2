package dev.secondround.feedback.template;

import dev.secondround.feedback.template.ScorecardTemplate.Attribute;
import dev.secondround.feedback.template.ScorecardTemplate.Form;
import java.util.List;

/**
 * The two templates every tenant starts with, stored the first time a feedback request needs one so
 * that admins can then edit them like any other: the full interview scorecard, and the lighter one
 * for tour guides and lunch hosts (who see the candidate off-script, not their technical depth).
 */
final class DefaultTemplates {

    static final String FULL_NAME = "Standard interview scorecard";
    static final String LIGHT_NAME = "Tour and lunch impressions";

    private DefaultTemplates() {
    }

    static ScorecardTemplate full() {
        ScorecardTemplate t = new ScorecardTemplate();
        t.name = FULL_NAME;
        t.description = "Used for interviews when no more specific template applies.";
        t.form = Form.FULL;
        t.sessionKinds = new java.util.ArrayList<>(List.of("INTERVIEW", "PANEL", "TECHNICAL", "EXECUTIVE"));
        t.attributes = new java.util.ArrayList<>(List.of(
                new Attribute("depth_of_experience", "Depth of experience", "Has done this work at the level the job needs; "
                        + "can explain decisions and trade-offs from their own projects."),
                new Attribute("job_knowledge", "Job knowledge", "Knows the tools, methods and domain of this job."),
                new Attribute("soft_skills", "Soft skills", "Listens, handles disagreement, adapts to the person in front of them."),
                new Attribute("communication", "Communication", "Clear, structured and concise, spoken and written."),
                new Attribute("team_fit", "Team fit", "Would work well with this team, its pace and its way of working."),
                new Attribute("culture_fit", "Culture fit", "Shares the values the company hires for."),
                new Attribute("professional_demeanour", "Professional demeanour", "Punctual, prepared, courteous with everyone."),
                new Attribute("enthusiasm", "Enthusiasm", "Genuinely interested in this job and this company.")));
        t.keyQuestions = new java.util.ArrayList<>(List.of(
                "What would this person do better than anyone on the team today?",
                "What concerns you, and how could the next round test it?"));
        return t;
    }

    static ScorecardTemplate light() {
        ScorecardTemplate t = new ScorecardTemplate();
        t.name = LIGHT_NAME;
        t.description = "For tour guides and lunch hosts: how the candidate came across outside the interview room.";
        t.form = Form.LIGHT;
        t.sessionKinds = new java.util.ArrayList<>(List.of("TOUR", "LUNCH"));
        t.attributes = new java.util.ArrayList<>(List.of(
                new Attribute("professional_demeanour", "Professional demeanour", "Courteous and at ease with everyone they met."),
                new Attribute("enthusiasm", "Enthusiasm", "Curious about the team, the place and the work."),
                new Attribute("team_fit", "Team fit", "Would you enjoy working next to them?")));
        t.keyQuestions = new java.util.ArrayList<>(List.of("Anything the interviewers should know?"));
        return t;
    }
}
