package dev.secondround.platform.problem;

/** The stable problem types. Clients switch on {@link #uri()}; titles are for people. */
public enum ProblemType {
    VALIDATION(400, "validation", "Request is not valid"),
    MALFORMED_REQUEST(400, "malformed-request", "Request body is not readable JSON"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed for your role"),
    /** Anti-anchoring: a participant reads the panel's scorecards only once their own is in (tenant policy). */
    SCORECARDS_HIDDEN(403, "scorecards-hidden", "The other participants' scorecards are hidden from you for now"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    IDEMPOTENCY_IN_FLIGHT(409, "idempotency-key-in-flight", "A request with this Idempotency-Key is still being processed"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource was changed by someone else"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    UNPROCESSABLE(422, "unprocessable", "Request cannot be applied"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency-Key was already used with another request"),
    PRECONDITION_REQUIRED(428, "precondition-required", "If-Match header required"),
    UNEXPECTED(500, "unexpected", "Unexpected error"),
    UNAVAILABLE(503, "unavailable", "A service this operation needs is unavailable");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return Problem.TYPE_BASE + slug;
    }
}
