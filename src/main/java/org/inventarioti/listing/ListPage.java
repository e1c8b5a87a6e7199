package org.inventarioti.listing;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list as every list endpoint answers it: the items, the total matching the
 * filters, the page number (null when the page was reached through a cursor), the page size, and
 * the keyset cursor of the next page (null on the last page).
 */
public record ListPage<T>(List<T> items, long total, Integer page, int size, String nextAfter) {

    public <R> ListPage<R> map(Function<? super T, ? extends R> mapper) {
        List<R> mapped = items.stream().<R>map(mapper).toList();
        return new ListPage<>(mapped, total, page, size, nextAfter);
    }
}
