package dev.secondround.scheduling.directory;

/**
 * A directory entry was changed: fired inside the change's transaction, so an observer's own writes
 * (an outbox message, say) commit or roll back with it. Carries who the entry said the person was
 * before, so observers can tell whether anything they pass on changed.
 */
public record InterviewerUpdated(Interviewer interviewer, Identity before) {

    /** Who the person is and how they are reached and recognised at sign-in. */
    public record Identity(String fullName, String title, InterviewerRole roleKind, String email, String oidcSubject) {

        public static Identity of(Interviewer interviewer) {
            return new Identity(interviewer.fullName, interviewer.title, interviewer.roleKind, interviewer.email, interviewer.oidcSubject);
        }
    }

    public Identity after() {
        return Identity.of(interviewer);
    }
}
