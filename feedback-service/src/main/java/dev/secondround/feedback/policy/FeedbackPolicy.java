package dev.secondround.feedback.policy;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** The tenant's feedback rules: anti-anchoring, when feedback is due, reminders and escalation. */
@Entity
@Table(name = "feedback_policy")
public class FeedbackPolicy extends TenantOwnedEntity {

    @Enumerated(EnumType.STRING)
    @Column(name = "anti_anchoring", nullable = false)
    public AntiAnchoring antiAnchoring = AntiAnchoring.AFTER_SUBMITTING;

    /** Feedback is due this many hours after the loop's last session ends. */
    @Column(name = "due_hours_after_loop", nullable = false)
    public int dueHoursAfterLoop = 24;

    /** An overdue request is reminded at most this often. */
    @Column(name = "reminder_every_hours", nullable = false)
    public int reminderEveryHours = 24;

    /** Overdue this long: the job's hiring manager is told. */
    @Column(name = "escalate_after_hours", nullable = false)
    public int escalateAfterHours = 48;

    /**
     * When a participant may read the other participants' scorecards (and anything built from them)
     * for an application: never, once they submitted their own, or always.
     */
    public enum AntiAnchoring {
        NEVER, AFTER_SUBMITTING, ALWAYS
    }
}
