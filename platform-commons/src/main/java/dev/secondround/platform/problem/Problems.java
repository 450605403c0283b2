package dev.secondround.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses. Serialised here so the body never depends on content negotiation. */
@ApplicationScoped
public class Problems {

    private final ObjectMapper objectMapper;

    public Problems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public Response response(ProblemType type, String detail, String instance, List<Problem.InvalidField> errors) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, instance, errors);
        Response.ResponseBuilder builder = Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(write(problem));
        if (type == ProblemType.UNAUTHENTICATED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    public Response response(ProblemType type, String detail, String instance) {
        return response(type, detail, instance, List.of());
    }

    public String write(Problem problem) {
        try {
            return objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // A record of strings and ints always serialises; keep a valid body all the same.
            return "{\"type\":\"" + problem.type() + "\",\"status\":" + problem.status() + "}";
        }
    }
}
