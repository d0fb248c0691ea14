package com.crossdock.local.battery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One component of the battery in its own operating-system process, so that {@code kill -9}, {@code SIGSTOP} and a
 * restart are real. Its output goes to {@code <name>.log}, appended across restarts.
 */
final class Proc {

    private static final Logger log = LoggerFactory.getLogger(Proc.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String name;
    private final List<String> command;
    private final Path directory;
    private final Path logFile;
    private final String readyUrl;
    private Process process;

    Proc(String name, List<String> command, Path directory, Path logFile, String readyUrl) {
        this.name = name;
        this.command = List.copyOf(command);
        this.directory = directory;
        this.logFile = logFile;
        this.readyUrl = readyUrl;
    }

    static List<String> java(String heap, String... rest) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"));
        command.addAll(List.of(rest));
        return command;
    }

    String name() {
        return name;
    }

    synchronized void start() {
        try {
            Files.writeString(logFile, "=== battery: start " + name + " at " + Instant.now() + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            log.info("started {} (pid {})", name, process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** {@code kill -9}: no shutdown hook, no graceful drain. */
    synchronized void kill9() {
        signal("-CONT");
        signal("-KILL");
        await();
    }

    /** {@code SIGTERM}: the graceful stop a rollout does. */
    synchronized void terminate() {
        signal("-CONT");
        signal("-TERM");
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                log.warn("{} did not stop within 60 s of SIGTERM: kill -9", name);
                signal("-KILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        await();
    }

    void pause() {
        signal("-STOP");
    }

    void resume() {
        signal("-CONT");
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Waits until the readiness URL answers 200 (or, without one, a moment); false after {@code patience}. */
    boolean awaitReady(Duration patience) {
        // ends early when the process dies: it will not get ready then
        boolean ended = FaultBattery.await(patience, Duration.ofMillis(500),
                () -> !alive() || readyUrl == null || ready());
        if (ended && !alive()) {
            log.warn("{} exited with {} while starting", name, process.exitValue());
            return false;
        }
        return ended;
    }

    boolean ready() {
        try {
            HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(readyUrl)).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void await() {
        try {
            if (process != null && !process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " still runs after kill");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signal(String signal) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
