package dev.secondround.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of every service leaves through here as RFC 9457 problem+json. Messages are written for
 * API users; exception messages, SQL and class names are never copied into a response.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Problems problems;

    public ProblemMappers(Problems problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return problems.response(e.type(), e.getMessage(), path(uri), e.errors());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.InvalidField> fields = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            fields.add(new Problem.InvalidField(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        fields.sort(Comparator.comparing(Problem.InvalidField::field));
        String detail = fields.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("invalid");
        return problems.response(ProblemType.VALIDATION, detail, path(uri), fields);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return problems.response(ProblemType.VALIDATION, field + ": unknown or server-owned field", path(uri),
                List.of(new Problem.InvalidField(field, "unknown or server-owned field; remove it from the request")));
    }

    @ServerExceptionMapper
    public Response wrongFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String expected = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "one of " + java.util.Arrays.toString(e.getTargetType().getEnumConstants())
                : "a value of type " + friendlyType(e.getTargetType());
        return problems.response(ProblemType.VALIDATION, field + ": must be " + expected, path(uri),
                List.of(new Problem.InvalidField(field, "must be " + expected)));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return problems.response(ProblemType.MALFORMED_REQUEST, "request body has the wrong shape", path(uri));
        }
        return problems.response(ProblemType.VALIDATION, field + ": has the wrong type", path(uri),
                List.of(new Problem.InvalidField(field, "has the wrong type")));
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
                ? iae.getMessage() : "is not valid";
        return problems.response(ProblemType.VALIDATION, (field.isEmpty() ? "body" : field) + ": " + message, path(uri),
                List.of(new Problem.InvalidField(field.isEmpty() ? "body" : field, message)));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return problems.response(ProblemType.MALFORMED_REQUEST,
                "request body is not valid JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")",
                path(uri));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return problems.response(ProblemType.MALFORMED_REQUEST, "request body is not readable JSON", path(uri));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return problems.response(ProblemType.UNAUTHENTICATED, "a valid bearer access token is required", path(uri));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return problems.response(ProblemType.UNAUTHENTICATED, "a valid bearer access token is required", path(uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problems.response(ProblemType.FORBIDDEN, "your role does not allow this operation", path(uri));
    }

    @ServerExceptionMapper
    public Response staleVersion(OptimisticLockException e, UriInfo uri) {
        return stale(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return stale(uri);
    }

    @ServerExceptionMapper
    public Response uniqueViolation(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        // A race past the service's own checks (two creates of the same unique thing at once).
        return problems.response(ProblemType.CONFLICT, "conflicts with existing data; reload and retry", path(uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps some parse errors in a 400; answer them as the JSON problems they are.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json(json, uri);
            }
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
        }
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.VALIDATION;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 409 -> ProblemType.CONFLICT;
            case 412 -> ProblemType.PRECONDITION_FAILED;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 422 -> ProblemType.UNPROCESSABLE;
            case 428 -> ProblemType.PRECONDITION_REQUIRED;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> null;
        };
        if (type == null) {
            return unexpected(e, uri);
        }
        String detail = switch (type) {
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "this resource does not support that HTTP method";
            case UNSUPPORTED_MEDIA_TYPE -> "send application/json";
            case NOT_ACCEPTABLE -> "this resource answers application/json";
            case VALIDATION -> "a path or query parameter is not valid";
            default -> type.title();
        };
        return problems.response(type, detail, path(uri));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return stale(uri);
            }
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException unique) {
                return uniqueViolation(unique, uri);
            }
        }
        if (DatabaseUnavailable.causes(e)) {
            LOG.warnf("database unavailable, answered 503: %s", e.getMessage());
            return problems.response(ProblemType.UNAVAILABLE, "the database is unavailable; try again shortly", path(uri));
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return problems.response(ProblemType.UNEXPECTED, "something went wrong on our side; reference " + reference, path(uri));
    }

    private Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, uri);
        }
        if (e instanceof InvalidFormatException format) {
            return wrongFormat(format, uri);
        }
        if (e instanceof ValueInstantiationException instantiation) {
            return valueInstantiation(instantiation, uri);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return mismatchedInput(mismatch, uri);
        }
        if (e instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        return otherJson(e, uri);
    }

    private Response stale(UriInfo uri) {
        return problems.response(ProblemType.PRECONDITION_FAILED,
                "the resource was changed since you read it; fetch it again and reapply your change", path(uri));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** {@code create.request.contacts[0].email} → {@code contacts[0].email}; a query parameter keeps its name. */
    static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // Hibernate Validator puts the list index on the node after the list: contacts, [0].email
                if (node.isInIterable() && node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                if (node.getName() == null || node.getName().startsWith("<")) {
                    continue;
                }
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.isEmpty()) {
            return parameter == null ? "request" : parameter;
        }
        return field.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String friendlyType(Class<?> type) {
        if (type == null) {
            return "the documented type";
        }
        if (type == UUID.class) {
            return "UUID";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "ISO-8601 " + type.getSimpleName();
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        return "string";
    }
}
