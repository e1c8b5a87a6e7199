package org.inventarioti.listing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Totals of list queries, remembered per filter and per version of the table (a counter every
 * write bumps in its own transaction, read in the same snapshot as the list). A total is reused
 * only under the version it was counted at, so it is exact; entries also expire, as a safety net
 * for writes made with triggers off. Concurrent misses may count twice, rather than wait.
 */
public final class CountCache {

    private final Cache<String, Long> totals;

    public CountCache(int capacity, Duration ttl) {
        this.totals = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfterWrite(ttl)
                .build();
    }

    long total(String sql, Map<String, Object> params, long version, Supplier<Long> count) {
        String key = version + "\n" + sql + "\n" + params;
        Long total = totals.getIfPresent(key);
        if (total == null) {
            total = count.get();
            totals.put(key, total);
        }
        return total;
    }
}
