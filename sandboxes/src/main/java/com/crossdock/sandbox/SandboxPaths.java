package com.crossdock.sandbox;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The sandbox's path conventions: every vendor lives under its own prefix ({@code /paqtana},
 * {@code /suppliers/omega}); {@code /_sandbox/**} and any {@code <prefix>/_sandbox/**} path is the
 * sandbox's own control and inspection surface, never a fake vendor endpoint.
 */
public final class SandboxPaths {

    public static final String CONTROL_SEGMENT = "_sandbox";

    private SandboxPaths() {
    }

    /** True for paths that imitate a vendor API (and so are logged and may be faulted). */
    public static boolean isVendorPath(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        if (path.equals("/") || path.startsWith("/actuator")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (CONTROL_SEGMENT.equals(segment)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code path} lies under {@code prefix} ("paqtana" or "suppliers/omega", no slashes around). */
    public static boolean isUnder(String path, String prefix) {
        String root = "/" + prefix;
        return path.equals(root) || path.startsWith(root + "/");
    }

    /** The part of {@code path} after its vendor {@code prefix}: {@code /api/changes/stock} of {@code /prodsmart/api/changes/stock}. */
    public static String within(String path, String prefix) {
        return path.substring(prefix.length() + 1);
    }
}
