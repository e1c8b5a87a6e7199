package org.inventarioti.ops.migrate;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * How migrations run: every DDL statement waits at most {@code lockTimeout} for its locks (so a
 * long transaction elsewhere makes it give up instead of queueing every other query behind it) and
 * runs at most {@code statementTimeout}; a lock time-out is retried {@code retries} times with
 * a doubling pause starting at {@code backoff} ({@code reintentos} and {@code espera} in the configuration).
 */
@Validated
@ConfigurationProperties("inventario.migraciones")
record MigrateProperties(
        @DefaultValue("5s") Duration lockTimeout,
        @DefaultValue("15m") Duration statementTimeout,
        @Name("reintentos") @Min(0) @DefaultValue("3") int retries,
        @Name("espera") @DefaultValue("1s") Duration backoff) {}
