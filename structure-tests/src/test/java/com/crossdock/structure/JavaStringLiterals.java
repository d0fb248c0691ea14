package com.crossdock.structure;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Java source, text blocks included, with their line; comments and char literals
 * skipped. Enough of Java's lexical grammar for that and no more: the content is kept as written (escapes
 * not decoded), which is what a reader of the source sees.
 */
final class JavaStringLiterals {

    record Literal(int line, String text) {
    }

    private JavaStringLiterals() {
    }

    static List<Literal> of(String source) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                i = indexOrEnd(source, "\n", i);
            } else if (source.startsWith("/*", i)) {
                int end = indexOrEnd(source, "*/", i + 2) + 2;
                line += count(source, i, Math.min(end, n));
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int start = source.indexOf('\n', i) + 1;
                int end = closing(source, start, "\"\"\"");
                literals.add(new Literal(line, source.substring(start, end)));
                line += count(source, i, end);
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = closing(source, i + 1, String.valueOf(c));
                if (c == '"') {
                    literals.add(new Literal(line, source.substring(i + 1, end)));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    /** Where the unescaped {@code quote} that closes a literal starting at {@code from} is. */
    private static int closing(String source, int from, String quote) {
        int i = from;
        while (i < source.length() && !source.startsWith(quote, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, source.length());
    }

    private static int indexOrEnd(String source, String what, int from) {
        int found = source.indexOf(what, from);
        return found < 0 ? source.length() : found;
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
