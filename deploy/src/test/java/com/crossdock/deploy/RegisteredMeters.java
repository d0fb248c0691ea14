package com.crossdock.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The meter names the code registers, as Prometheus series: every {@code "crossdock.…"} string literal of the main
 * sources (a meter name is always such a constant or literal), in Micrometer's Prometheus naming (dots become
 * underscores; a counter ends in {@code _total}; a base unit is appended; a timer or distribution summary is
 * scraped as {@code _count}, {@code _sum}, {@code _max} and {@code _bucket}). A series an alert or a panel queries
 * that none of these names produces is a meter that was renamed or never existed.
 */
final class RegisteredMeters {

    private static final Pattern NAME_LITERAL = Pattern.compile("\"(crossdock\\.[a-z0-9_.]+)\"");
    /** A crossdock_* series in a PromQL expression. */
    private static final Pattern SERIES = Pattern.compile("\\bcrossdock_[a-z0-9_]+\\b");
    /** What Micrometer may append to a name: a counter's _total, a base unit, a timer's or histogram's parts. */
    private static final List<String> UNITS = List.of("", "_seconds", "_bytes");
    private static final List<String> PARTS = List.of("", "_total", "_count", "_sum", "_max", "_bucket");

    private RegisteredMeters() {
    }

    /** Every series name the main sources of the reactor's modules may produce. */
    static Set<String> prometheusSeries() {
        Set<String> series = new TreeSet<>();
        for (String name : meterNames()) {
            series.addAll(prometheusNames(name));
        }
        return series;
    }

    /** The Prometheus series one Micrometer name may be scraped as. */
    static Set<String> prometheusNames(String meterName) {
        String base = meterName.replace('.', '_');
        Set<String> names = new TreeSet<>();
        for (String unit : UNITS) {
            String withUnit = base.endsWith(unit) ? base : base + unit;
            PARTS.forEach(part -> names.add(withUnit + part));
        }
        return names;
    }

    /** The crossdock_* series an expression queries. */
    static Set<String> seriesIn(String expression) {
        Set<String> series = new TreeSet<>();
        Matcher matcher = SERIES.matcher(expression);
        while (matcher.find()) {
            series.add(matcher.group());
        }
        return series;
    }

    /** Every {@code "crossdock.…"} literal of {@code <module>/src/main/java}. */
    static Set<String> meterNames() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> modules = Files.list(DeployFiles.repositoryRoot())) {
            for (Path sources : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher matcher = NAME_LITERAL.matcher(Files.readString(file));
                        while (matcher.find()) {
                            names.add(matcher.group(1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
