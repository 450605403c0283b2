package dev.secondround.platform.paging;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/** Answers a page with its body and, when there is more, a {@code Link: <...>; rel="next"} header. */
public final class PageResponses {

    private PageResponses() {
    }

    public static <T> RestResponse<Page<T>> ok(Page<T> page, UriInfo uriInfo) {
        RestResponse.ResponseBuilder<Page<T>> response = RestResponse.ResponseBuilder.ok(page);
        if (page.nextCursor() != null) {
            var next = uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build();
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.build();
    }
}
