package com.crossdock.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Dockerfile as its instructions: continuation lines joined, comments and blank lines dropped. */
record Dockerfile(List<Instruction> instructions) {

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
