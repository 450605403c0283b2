package dev.secondround.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list. {@code nextCursor} is absent on the last page. */
public record Page<T>(
        List<T> items,
        @Schema(description = "Pass as cursor to get the next page; absent on the last page", examples = "MXwxNzk1MjY0MDAwfDB8YjNm")
        String nextCursor) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
