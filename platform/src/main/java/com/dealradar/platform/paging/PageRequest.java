package com.dealradar.platform.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code limit} and {@code cursor} query parameters of a list, taken as one {@link jakarta.ws.rs.BeanParam}: every
 * list of the API declares, documents and parses them the same way because they are declared here only.
 */
public class PageRequest {

    @Parameter(
            description = "Page size, 1 to " + Paging.MAX_LIMIT,
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            minimum = "1",
                            maximum = "" + Paging.MAX_LIMIT,
                            defaultValue = "" + Paging.DEFAULT_LIMIT))
    @QueryParam("limit")
    String limit;

    @Parameter(description = "nextCursor of the previous page")
    @QueryParam("cursor")
    String cursor;

    /** The page size asked for: {@value Paging#DEFAULT_LIMIT} when absent, a 400 naming {@code limit} when invalid. */
    public int size() {
        return Paging.limit(limit);
    }

    /** The {@code nextCursor} of the previous page as sent, {@code null} for the first page. */
    public String cursor() {
        return cursor;
    }
}
