package dev.secondround.platform.paging;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Answers a page with its body and, when there is more, a {@code Link: <...>; rel="next"} header. */
public final class PageResponses {

    private PageResponses() {
    }

    public static Response ok(Page<?> page, UriInfo uriInfo) {
        Response.ResponseBuilder response = Response.ok(page);
        if (page.nextCursor() != null) {
            var next = uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build();
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.build();
    }
}
