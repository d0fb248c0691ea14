package com.crossdock.structure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.crossdock.structure.Reactor.Module;

/**
 * Topic names spelled outside the registry ({@code com/crossdock/platform/kafka/Topics.java}), found in the
 * sources of every module's {@code src/main}. A source scan rather than a class rule: javac inlines string
 * constants, so the classes no longer say where a name came from.
 *
 * <ul>
 *   <li>in a Java string literal: a topic name ({@code crossdock.<name>.v<n>} anywhere in it), or a topic
 *       suffix: a literal without spaces that ends in {@code .retry}, {@code .dlt}, {@code .parked} or
 *       {@code .lease} (prose such as a help text, with spaces, is not a name);</li>
 *   <li>in a {@code .yml}, {@code .yaml} or {@code .properties} file outside comments: a topic name, since
 *       topic names are not settings.</li>
 * </ul>
 */
final class TopicLiterals {

    static final String REGISTRY = "com/crossdock/platform/kafka/Topics.java";
    private static final Pattern TOPIC = Pattern.compile("crossdock\\.[a-z0-9][a-z0-9-]*\\.v\\d+\\b");
    private static final Pattern SUFFIX = Pattern.compile("^\\S*\\.(retry|dlt|parked|lease)$");
    private static final Pattern YAML_OR_PROPERTIES_COMMENT = Pattern.compile("(^|\\s)[#!].*$");

    private TopicLiterals() {
    }

    static List<String> violations(Reactor reactor) {
        List<String> violations = new ArrayList<>();
        for (Module module : reactor.modules().values()) {
            Path main = module.directory().resolve("src/main");
            for (Path file : files(main.resolve("java"))) {
                if (file.toString().endsWith(".java") && !file.endsWith(REGISTRY)) {
                    javaSource(reactor.root(), file, violations);
                }
            }
            for (Path file : files(main.resolve("resources"))) {
                String name = file.getFileName().toString();
                if (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".properties")) {
                    settings(reactor.root(), file, violations);
                }
            }
        }
        return violations;
    }

    private static void javaSource(Path root, Path file, List<String> violations) {
        for (JavaStringLiterals.Literal literal : JavaStringLiterals.of(read(file))) {
            String text = literal.text().strip();
            if (TOPIC.matcher(text).find()) {
                violations.add(where(root, file, literal.line()) + "\"" + text + "\" names a topic; use Topics");
            } else if (SUFFIX.matcher(text).find()) {
                violations.add(where(root, file, literal.line()) + "\"" + text + "\" spells a topic suffix; use Topics");
            }
        }
    }

    private static void settings(Path root, Path file, List<String> violations) {
        List<String> lines = read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String value = YAML_OR_PROPERTIES_COMMENT.matcher(lines.get(i)).replaceFirst("");
            if (TOPIC.matcher(value).find()) {
                violations.add(where(root, file, i + 1) + value.strip() + ": topic names are not settings; use Topics");
            }
        }
    }

    private static String where(Path root, Path file, int line) {
        return root.relativize(file) + ":" + line + ": ";
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
