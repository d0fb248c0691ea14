package com.crossdock.operator;

/**
 * What one run of a replay did. {@code complete} is false when it stopped early: at {@code --max-count}
 * ({@code error} null, exit 0) or on a failure ({@code error} set, exit 5); either way the same command resumes.
 */
record ReplayResult(String replayId, long matched, long replayed, long parked, boolean complete, String error) {
}
