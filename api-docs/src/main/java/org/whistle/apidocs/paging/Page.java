package org.whistle.apidocs.paging;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page of a list read by keyset: its items, the size asked for, the cursor to pass as {@code after} for the next page
 * and the link that does so ({@code next}); both null on the last page. Lists read this way cost the same on the
 * thousandth page as on the first, and an item added meanwhile neither repeats nor hides another.
 *
 * @param items at most {@code size} items, in the list's order
 * @param size the page size asked for
 * @param after the cursor of the last item, when more follow
 * @param next the request's own path and query with {@code after} set to the cursor, when more follow
 */
public record Page<T>(
        List<T> items,
        int size,
        @Nullable String after,
        @Nullable String next) {

    /** The largest page any list gives; larger requests are refused, not cut. */
    public static final int MAX_SIZE = 200;

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page from rows read with a limit of {@code size + 1}: a row beyond the first {@code size} says another page
     * follows, after the cursor of the last item kept.
     */
    public static <T> Page<T> of(List<T> rows, int size, Function<T, String> cursor) {
        if (rows.size() <= size) {
            return new Page<>(rows, size, null, null);
        }
        var items = rows.subList(0, size);
        return new Page<>(items, size, cursor.apply(items.getLast()), null);
    }

    /**
     * This page with the link to the next one: the request as it came ({@code HttpServletRequest}'s
     * {@code getRequestURI()} and {@code getQueryString()}), with {@code after} replaced.
     */
    public Page<T> linked(String path, @Nullable String query) {
        if (after == null) {
            return this;
        }
        var link = UriComponentsBuilder.fromPath(path)
                .query(query)
                .replaceQueryParam("after", after)
                .build()
                .toUriString();
        return new Page<>(items, size, after, link);
    }
}
