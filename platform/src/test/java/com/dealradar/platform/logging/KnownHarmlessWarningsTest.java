package com.dealradar.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class KnownHarmlessWarningsTest {

    private final KnownHarmlessWarnings filter = new KnownHarmlessWarnings();

    private boolean logged(Level level, String logger, String message, Object... parameters) {
        ExtLogRecord record = new ExtLogRecord(
                level, message, ExtLogRecord.FormatStyle.PRINTF, getClass().getName());
        record.setLoggerName(logger);
        record.setParameters(parameters);
        return filter.isLoggable(record);
    }

    @Test
    void theKnownStartWarningsAreDroppedAndNothingElse() {
        String flyway = "org.flywaydb.core.internal.command.DbMigrate";
        String micrometer = "io.micrometer.core.instrument.MeterRegistry";
        assertThat(logged(
                        Level.WARNING,
                        flyway,
                        "outOfOrder mode is active. Migration of schema %s may not be reproducible.",
                        "\"public\""))
                .isFalse();
        assertThat(logged(
                        org.jboss.logmanager.Level.WARN,
                        "org.flywaydb.core.internal.database.base.Database",
                        "Using H2 2.4.240 which is newer than the version Flyway has been verified with."))
                .isFalse();
        assertThat(
                        logged(
                                org.jboss.logmanager.Level.WARN,
                                micrometer,
                                "This Gauge has been already registered (MeterId{name='netty.eventexecutor.workers', tags=[]})"))
                .isFalse();

        assertThat(logged(
                        Level.WARNING,
                        "io.quarkus.opentelemetry.runtime.tracing.instrumentation.vertx"
                                + ".OpenTelemetryVertxTracingFactory$VertxDelegator",
                        "VertxTracer delegate not set. Will not submit this trace. SpanKind: RPC"))
                .isFalse();

        // The same texts from another logger, at another level, and other warnings of these loggers are kept.
        assertThat(logged(Level.WARNING, "com.dealradar.Anything", "outOfOrder mode is active."))
                .isTrue();
        assertThat(logged(Level.INFO, flyway, "outOfOrder mode is active.")).isTrue();
        assertThat(logged(Level.SEVERE, micrometer, "This Gauge has been already registered"))
                .isTrue();
        assertThat(logged(Level.WARNING, flyway, "Migration of schema \"public\" to version 9 failed"))
                .isTrue();
        assertThat(logged(Level.WARNING, micrometer, "A meter filter failed")).isTrue();
    }
}
