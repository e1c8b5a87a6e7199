package org.inventarioti.listing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Totals of list queries, remembered per filter and per version of the table (a counter every
 * write bumps in its own transaction, read in the same snapshot as the list). A total is reused
 * only under the version it was counted at, so it is exact; entries also expire, as a safety net
 * for writes made with triggers off.
 */
public final class CountCache {

    private final int capacity;
    private final long ttlNanos;
    private final Map<String, Entry> entries;

    private record Entry(long total, long countedAt) {}

    public CountCache(int capacity, Duration ttl) {
        this.capacity = capacity;
        this.ttlNanos = ttl.toNanos();
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > CountCache.this.capacity;
            }
        };
    }

    long total(String sql, Map<String, Object> params, long version, Supplier<Long> count) {
        String key = version + "\n" + sql + "\n" + params;
        long now = System.nanoTime();
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry != null && now - entry.countedAt() < ttlNanos) {
                return entry.total();
            }
        }
        long total = count.get();
        synchronized (entries) {
            entries.put(key, new Entry(total, now));
        }
        return total;
    }
}
