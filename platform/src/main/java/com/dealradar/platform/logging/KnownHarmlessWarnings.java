package com.dealradar.platform.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Drops the warnings services logged at every start that say nothing an operator can act on, so that a WARN in a start
 * log is worth reading. Each is matched by its logger and the start of its text, nothing broader:
 * <ul>
 * <li>Flyway's "outOfOrder mode is active": deliberate (platform migrations, db/platform V0_x, sort below the services'
 *     own and must still reach existing databases; platform microprofile-config.properties).</li>
 * <li>Flyway's "Using H2 ... newer than the version Flyway has been verified with": the local run's embedded database
 *     only; the local profile's tests migrate and run on it.</li>
 * <li>Micrometer's "This Gauge has been already registered" for netty.eventexecutor.workers and redis.pool.queue.size:
 *     a Quarkus extension registers them twice (quarkusio/quarkus#52014); the first registration stands.</li>
 * <li>OpenTelemetry's "VertxTracer delegate not set" for the gateway's OpenID Connect discovery while it starts: those
 *     requests go out before the tracer is ready and are not traced (quarkusio/quarkus#39644); requests served after
 *     the start are traced as configured.</li>
 * </ul>
 */
@LoggingFilter(name = "known-harmless-warnings")
public final class KnownHarmlessWarnings implements Filter {

    private record Known(String logger, String textStart) {}

    private static final List<Known> KNOWN = List.of(
            new Known("org.flywaydb.core.internal.command.DbMigrate", "outOfOrder mode is active"),
            new Known("org.flywaydb.core.internal.database.base.Database", "Using H2 "),
            new Known("io.micrometer.core.instrument.MeterRegistry", "This Gauge has been already registered"),
            new Known(
                    "io.quarkus.opentelemetry.runtime.tracing.instrumentation.vertx.OpenTelemetryVertxTracingFactory$VertxDelegator",
                    "VertxTracer delegate not set"));

    @Override
    public boolean isLoggable(LogRecord record) {
        // JBoss Log Manager's WARN and java.util.logging's WARNING are one level (900).
        if (record.getLevel().intValue() != Level.WARNING.intValue()) {
            return true;
        }
        String text = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (text == null) {
            return true;
        }
        for (Known known : KNOWN) {
            if (known.logger().equals(record.getLoggerName()) && text.startsWith(known.textStart())) {
                return false;
            }
        }
        return true;
    }
}
