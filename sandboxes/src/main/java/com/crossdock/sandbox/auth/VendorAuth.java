package com.crossdock.sandbox.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.crossdock.sandbox.VendorError;
import com.crossdock.sandbox.VendorErrorWriter;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * How one vendor authenticates, declared as a bean by its sandbox: which gate guards which of its paths, and
 * its error writer for the refusals. {@link AuthFilter} applies it to every request under the prefix (the
 * sandbox's own {@code _sandbox} paths excepted), before any vendor code runs.
 *
 * <pre>{@code
 * VendorAuth.of("prodsmart", VendorErrorWriter.problemDetail())
 *         .on("/api/authorization"::equals, AuthGates.basic(key, secret, "Basic API_KEY:API_SECRET required"))
 *         .on(path -> path.startsWith("/api/"), AuthGates.queryToken("access_token", tokens));
 * }</pre>
 */
public final class VendorAuth {

    /** A gate and the paths (within the prefix) it guards. */
    private record Guard(Predicate<String> paths, AuthGate gate) {
    }

    private final String prefix;
    private final VendorErrorWriter errors;
    private final List<Guard> guards;

    private VendorAuth(String prefix, VendorErrorWriter errors, List<Guard> guards) {
        this.prefix = prefix;
        this.errors = errors;
        this.guards = List.copyOf(guards);
    }

    /** A vendor with no gate yet: add them with {@link #on} or {@link #everywhere}. */
    public static VendorAuth of(String prefix, VendorErrorWriter errors) {
        return new VendorAuth(prefix, errors, List.of());
    }

    /** Guards the paths (within the prefix, e.g. {@code /api/authorization}) that {@code paths} accepts; the first guard that applies decides. */
    public VendorAuth on(Predicate<String> paths, AuthGate gate) {
        List<Guard> more = new ArrayList<>(guards);
        more.add(new Guard(paths, gate));
        return new VendorAuth(prefix, errors, more);
    }

    /** Guards every path of the vendor not guarded by an earlier {@link #on}. */
    public VendorAuth everywhere(AuthGate gate) {
        return on(path -> true, gate);
    }

    public String prefix() {
        return prefix;
    }

    public VendorErrorWriter errors() {
        return errors;
    }

    /** The refusal for a request to {@code path} (within the prefix); empty when no gate applies or it lets the request pass. */
    Optional<VendorError> check(String path, ServerHttpRequest request) {
        return guards.stream().filter(guard -> guard.paths().test(path)).findFirst()
                .flatMap(guard -> guard.gate().check(request));
    }
}
