package com.dealradar.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL instance of a test's own (STACK.md, "A PostgreSQL instance of a test's own"), for tests that
 * stop and start the database: initdb into a temporary directory, run as the postgres user (PostgreSQL refuses
 * root) on its own port and socket directory. The machine's shared PostgreSQL is never touched.
 */
final class PrivatePostgres implements AutoCloseable {

    static final String BIN = "/usr/lib/postgresql/15/bin/";

    private final Path dir;
    private final int port;

    private PrivatePostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static PrivatePostgres create() throws Exception {
        Path dir = Files.createTempDirectory("dealradar-pg-");
        run("chown", "postgres:postgres", dir.toString());
        run(
                "runuser",
                "-u",
                "postgres",
                "--",
                BIN + "initdb",
                "-D",
                dir.resolve("data").toString(),
                "-A",
                "trust",
                "-U",
                "postgres");
        PrivatePostgres pg = new PrivatePostgres(dir, com.dealradar.platform.testing.ServiceProcess.freePort());
        pg.start();
        return pg;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void createDatabase(String name) throws Exception {
        run(
                "runuser",
                "-u",
                "postgres",
                "--",
                BIN + "psql",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-U",
                "postgres",
                "-c",
                "create database " + name);
    }

    void start() throws Exception {
        run(
                "runuser",
                "-u",
                "postgres",
                "--",
                BIN + "pg_ctl",
                "-D",
                dir.resolve("data").toString(),
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
                "-l",
                dir.resolve("log").toString(),
                "-w",
                "start");
    }

    void stop() throws Exception {
        run(
                "runuser",
                "-u",
                "postgres",
                "--",
                BIN + "pg_ctl",
                "-D",
                dir.resolve("data").toString(),
                "-m",
                "fast",
                "-w",
                "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } catch (IllegalStateException alreadyStopped) {
            // stopped by the test
        }
        run("rm", "-rf", dir.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + output);
        }
    }
}
