package dev.secondround.platform.api;

import dev.secondround.platform.concurrency.Versions;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The two success shapes every resource answers: 201 with Location and ETag, and 200 with ETag. */
public final class Responses {

    private Responses() {
    }

    /** 201 Created, {@code Location} under the request path, {@code ETag} of the new version. */
    public static Response created(UriInfo uri, UUID id, long version, Object body) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .header(HttpHeaders.ETAG, Versions.etag(version))
                .entity(body).build();
    }

    /** 200 OK with the {@code ETag} a later {@code If-Match} must send. */
    public static <T> RestResponse<T> withEtag(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).header(HttpHeaders.ETAG, Versions.etag(version)).build();
    }
}
