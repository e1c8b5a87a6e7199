package org.inventarioti.usuarios;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.inventarioti.config.InventarioProperties;
import org.springframework.stereotype.Component;

/**
 * At most {@code login-rate-limit} login attempts per client address in a sliding window of
 * {@code login-rate-window}. Kept in memory: each instance limits its own share.
 */
@Component
class LoginRateLimiter {

    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    LoginRateLimiter(InventarioProperties properties, Clock clock) {
        this.limit = properties.seguridad().loginRateLimit();
        this.window = properties.seguridad().loginRateWindow();
        this.clock = clock;
    }

    /** Records an attempt; when over the limit returns how long the address must wait. */
    Optional<Duration> tryAcquire(String address) {
        Instant now = clock.instant();
        if (attempts.size() > MAX_TRACKED_ADDRESSES) {
            attempts.entrySet().removeIf(e -> isStale(e.getValue(), now));
        }
        Deque<Instant> times = attempts.computeIfAbsent(address == null ? "?" : address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                Duration wait = Duration.between(now, times.peekFirst().plus(window));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            }
            times.addLast(now);
            return Optional.empty();
        }
    }

    private boolean isStale(Deque<Instant> times, Instant now) {
        synchronized (times) {
            return times.isEmpty() || !times.peekLast().isAfter(now.minus(window));
        }
    }
}
