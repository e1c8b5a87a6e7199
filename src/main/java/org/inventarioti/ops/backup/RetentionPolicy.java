package org.inventarioti.ops.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps the newest archive of each of the last {@code daily} days, {@code weekly} ISO weeks and
 * {@code monthly} months that have one (UTC), and always the newest verified archive; everything
 * else may go. The same rule prunes local archives, the maintenance run's folders and the
 * off-site copy.
 */
public record RetentionPolicy(int daily, int weekly, int monthly) {

    public static final RetentionPolicy DEFAULT = new RetentionPolicy(7, 4, 12);

    public RetentionPolicy {
        if (daily < 1 || weekly < 0 || monthly < 0) {
            throw new IllegalArgumentException(
                    "retention: at least 1 daily archive, and no negative weekly or monthly count");
        }
    }

    /** One archive (or folder) with its time and whether a test restore verified it. */
    public record Item<T>(T value, Instant time, boolean verified) {}

    /** The values to keep, newest first. */
    public <T> Set<T> keep(List<Item<T>> items) {
        List<Item<T>> newestFirst = items.stream()
                .sorted(Comparator.comparing((Item<T> i) -> i.time()).reversed())
                .toList();
        Set<T> kept = new LinkedHashSet<>();
        newestFirst.stream().filter(Item::verified).findFirst().ifPresent(i -> kept.add(i.value()));
        pick(newestFirst, daily, t -> t.toLocalDate().toString(), kept);
        pick(
                newestFirst,
                weekly,
                t -> t.get(IsoFields.WEEK_BASED_YEAR) + "-W" + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                kept);
        pick(newestFirst, monthly, t -> t.getYear() + "-" + t.getMonthValue(), kept);
        return kept;
    }

    private static <T> void pick(
            List<Item<T>> newestFirst, int count, Function<ZonedDateTime, String> period, Set<T> kept) {
        Set<String> periods = new HashSet<>();
        for (Item<T> item : newestFirst) {
            if (periods.size() == count) {
                return;
            }
            if (periods.add(period.apply(item.time().atZone(ZoneOffset.UTC)))) {
                kept.add(item.value());
            }
        }
    }

    @Override
    public String toString() {
        return daily + " daily / " + weekly + " weekly / " + monthly + " monthly";
    }
}
