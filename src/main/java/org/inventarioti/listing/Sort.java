package org.inventarioti.listing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A chosen sort ({@code sort=nombre,desc}): one key and a direction, the row id breaking ties. */
public record Sort(SortKey key, boolean descending) {

    public static final class Keys {
        private final Map<String, SortKey> keys;

        public Keys(List<SortKey> keys) {
            this.keys = keys.stream()
                    .collect(Collectors.toMap(
                            SortKey::name, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        }

        public Sort parse(Optional<String> value, Sort byDefault) {
            if (value.isEmpty()) {
                return byDefault;
            }
            String[] parts = value.get().split(",", -1);
            if (parts.length > 2) {
                throw ListParams.bad("sort", "must be <column> or <column>,asc|desc");
            }
            SortKey key = keys.get(parts[0].trim());
            if (key == null) {
                throw ListParams.bad(
                                "sort",
                                "names an unknown column '" + parts[0].trim() + "'; sortable: "
                                        + new TreeSet<>(keys.keySet()))
                        .withChoices("sortable", keys.keySet());
            }
            String direction = parts.length == 2 ? parts[1].trim().toLowerCase(java.util.Locale.ROOT) : "asc";
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw ListParams.bad("sort", "direction must be asc or desc");
            }
            return new Sort(key, direction.equals("desc"));
        }

        public Sort by(String name, boolean descending) {
            return new Sort(keys.get(name), descending);
        }

        public java.util.Set<String> names() {
            return keys.keySet();
        }
    }

    String orderBy(String idColumn) {
        String direction = descending ? " DESC" : " ASC";
        return key.expression() + direction + (key.unique() ? "" : ", " + idColumn + direction);
    }

    String token() {
        return key.name() + (descending ? ",desc" : ",asc");
    }
}
