package com.crossdock.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Dockerfile as its instructions: continuation lines joined, comments and blank lines dropped. */
record Dockerfile(List<Instruction> instructions) {

    /** {@code ${NAME}} or {@code $NAME}, as Docker substitutes build arguments in instructions other than RUN. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    record Instruction(String keyword, String arguments) {
    }

    static Dockerfile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String[] keywordAndArguments = current.toString().split("\\s+", 2);
            instructions.add(new Instruction(keywordAndArguments[0].toUpperCase(Locale.ROOT),
                    keywordAndArguments.length > 1 ? keywordAndArguments[1] : ""));
            current.setLength(0);
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    /**
     * The instructions as Docker runs them for these build arguments: each {@code ARG}'s value (the given one, else
     * its default) substituted where it is referenced; RUN is left to the shell, which sees the same values.
     */
    Dockerfile withBuildArgs(Map<String, String> buildArgs) {
        Map<String, String> values = new HashMap<>();
        List<Instruction> substituted = new ArrayList<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("ARG")) {
                String[] nameAndDefault = instruction.arguments().split("=", 2);
                String name = nameAndDefault[0].strip();
                String value = buildArgs.getOrDefault(name, nameAndDefault.length > 1 ? nameAndDefault[1].strip() : "");
                values.putIfAbsent(name, value);
                substituted.add(instruction);
            } else if (instruction.keyword().equals("RUN")) {
                substituted.add(instruction);
            } else {
                Matcher matcher = VARIABLE.matcher(instruction.arguments());
                String arguments = matcher.replaceAll(match -> Matcher.quoteReplacement(values.getOrDefault(
                        match.group(1) != null ? match.group(1) : match.group(2), "")));
                substituted.add(new Instruction(instruction.keyword(), arguments));
            }
        }
        return new Dockerfile(List.copyOf(substituted));
    }

    /** The default of each {@code ARG} that has one. */
    Map<String, String> argDefaults() {
        Map<String, String> defaults = new HashMap<>();
        for (String arg : all("ARG")) {
            String[] nameAndDefault = arg.split("=", 2);
            if (nameAndDefault.length > 1) {
                defaults.putIfAbsent(nameAndDefault[0].strip(), nameAndDefault[1].strip());
            }
        }
        return defaults;
    }

    /** The arguments of every instruction with this keyword, in order. */
    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The arguments of the last instruction with this keyword, the one that counts for USER or ENTRYPOINT. */
    String last(String keyword) {
        List<String> all = all(keyword);
        if (all.isEmpty()) {
            throw new AssertionError("no " + keyword + " instruction");
        }
        return all.get(all.size() - 1);
    }
}
