package com.dealradar.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: its items and, when there are more, the cursor of the next page. */
public record Page<T>(
        @Schema(description = "Items of this page, in the requested order", required = true)
        List<T> items,

        @Schema(description = "Cursor of the next page; absent on the last page", nullable = true)
        String nextCursor) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
