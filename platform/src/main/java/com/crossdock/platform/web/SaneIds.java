package com.crossdock.platform.web;

/**
 * The one rule for an id a caller gives (a correlation id, a webhook's delivery id): 1 to 128 of
 * {@code A-Z a-z 0-9 . _ : -}, so that it goes into a log line, a header or a record key as it is. Checked by a loop
 * rather than a regular expression: it runs for every webhook (issue 15's profile: a matcher per id was a hundredth
 * of the intake's CPU).
 */
public final class SaneIds {

    /** The longest id taken. */
    public static final int MAX_LENGTH = 128;
    /** The rule, for messages. */
    public static final String RULE = "1-128 of A-Z a-z 0-9 . _ : -";

    private SaneIds() {
    }

    /** Whether {@code id} follows the rule; false for null. */
    public static boolean isSane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
