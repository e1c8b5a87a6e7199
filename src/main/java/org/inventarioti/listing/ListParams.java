package org.inventarioti.listing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.inventarioti.errors.MalformedException;

/**
 * The query parameters of a list request, checked: only the names a list declares (plus {@code
 * page}, {@code size}, {@code sort}, {@code after} and, where allowed, {@code spec.<key>}), each
 * single-valued unless the list says otherwise, each of the right type. Anything else is a 400
 * naming the parameter.
 */
public final class ListParams {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    public static final String SPEC_PREFIX = "spec.";
    private static final Set<String> PAGING = Set.of("page", "size", "sort", "after");

    private final Map<String, List<String>> values;

    private ListParams(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * @param filters the filter names this list accepts
     * @param repeatable the filters that may be given more than once (any of the values matches)
     * @param specFilters whether {@code spec.<key>=<value>} filters are accepted
     */
    public static ListParams of(
            Map<String, List<String>> raw, Set<String> filters, Set<String> repeatable, boolean specFilters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        raw.forEach((name, list) -> {
            boolean spec = specFilters && name.startsWith(SPEC_PREFIX) && name.length() > SPEC_PREFIX.length();
            if (!spec && !PAGING.contains(name) && !filters.contains(name)) {
                Set<String> known = new TreeSet<>(filters);
                known.addAll(PAGING);
                if (specFilters) {
                    known.add(SPEC_PREFIX + "<key>");
                }
                throw new MalformedException("Unknown query parameter '" + name + "'; known: " + known, name);
            }
            if (list.size() > 1 && !repeatable.contains(name) && !spec) {
                throw new MalformedException("Query parameter '" + name + "' may be given only once", name);
            }
            values.put(name, List.copyOf(list));
        });
        return new ListParams(values);
    }

    public static ListParams of(Map<String, List<String>> raw, Set<String> filters) {
        return of(raw, filters, Set.of(), false);
    }

    public int size() {
        return integer("size")
                .map(size -> {
                    if (size < 1 || size > MAX_SIZE) {
                        throw bad("size", "must be between 1 and " + MAX_SIZE);
                    }
                    return size;
                })
                .orElse(DEFAULT_SIZE);
    }

    /** 1-based; ignored when {@link #after()} is given. */
    public int page() {
        return integer("page")
                .map(page -> {
                    if (page < 1 || page > 1_000_000) {
                        throw bad("page", "must be between 1 and 1000000");
                    }
                    return page;
                })
                .orElse(1);
    }

    public Optional<String> after() {
        return text("after");
    }

    public Optional<String> sort() {
        return text("sort");
    }

    /** The value of a single-valued parameter; blank counts as absent. */
    public Optional<String> text(String name) {
        List<String> list = values.get(name);
        if (list == null || list.isEmpty()) {
            return Optional.empty();
        }
        String value = list.get(0).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public Optional<Integer> integer(String name) {
        return parse(name, v -> Integer.valueOf(digitos(v)), "an integer");
    }

    public Optional<Long> number(String name) {
        return parse(name, v -> Long.valueOf(digitos(v)), "an integer");
    }

    public List<Long> numbers(String name) {
        return all(name).stream()
                .map(v -> convert(name, v, Long::valueOf, "an integer"))
                .toList();
    }

    public Optional<BigDecimal> decimal(String name) {
        return parse(name, BigDecimal::new, "a number");
    }

    public Optional<LocalDate> date(String name) {
        Optional<LocalDate> date = parse(name, LocalDate::parse, "a date (YYYY-MM-DD)");
        if (date.isPresent() && !org.inventarioti.errors.Checks.fechaPlausible(date.get())) {
            throw bad(name, "must be a date between 1900-01-01 and 2199-12-31");
        }
        return date;
    }

    public Optional<OffsetDateTime> timestamp(String name) {
        Optional<OffsetDateTime> timestamp = text(name).map(value -> {
            try {
                return OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(value).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
                } catch (DateTimeParseException again) {
                    throw bad(name, "must be a date (YYYY-MM-DD) or a timestamp (2025-01-31T10:00:00Z)");
                }
            }
        });
        if (timestamp.isPresent()
                && !org.inventarioti.errors.Checks.fechaPlausible(
                        timestamp.get().toLocalDate())) {
            throw bad(name, "must be a date between 1900-01-01 and 2199-12-31");
        }
        return timestamp;
    }

    public Optional<Boolean> bool(String name) {
        return text(name).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(name, "must be true or false");
        });
    }

    /** Every {@code spec.<key>} parameter, key without the prefix, in the order given. */
    public Map<String, List<String>> specFilters() {
        Map<String, List<String>> specs = new LinkedHashMap<>();
        values.forEach((name, list) -> {
            if (name.startsWith(SPEC_PREFIX)) {
                specs.put(name.substring(SPEC_PREFIX.length()), list);
            }
        });
        return specs;
    }

    /** One of the allowed values (compared exactly). */
    public static String oneOf(String name, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw bad(name, "must be one of " + new TreeSet<>(allowed));
        }
        return value;
    }

    /** Only ASCII digits with an optional minus: no {@code +1}, no other scripts' digits, no hex. */
    private static String digitos(String value) {
        if (!value.matches("-?[0-9]{1,19}")) {
            throw new NumberFormatException(value);
        }
        return value;
    }

    private <T> Optional<T> parse(String name, Function<String, T> parser, String what) {
        return text(name).map(value -> convert(name, value, parser, what));
    }

    private static <T> T convert(String name, String value, Function<String, T> parser, String what) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw bad(name, "must be " + what);
        }
    }

    public static MalformedException bad(String name, String message) {
        return new MalformedException("Query parameter '" + name + "' " + message, name);
    }
}
