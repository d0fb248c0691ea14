package com.crossdock.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.crossdock.testkit.SandboxControl;
import com.crossdock.testkit.Timeouts;
import org.junit.jupiter.api.Test;

/**
 * BaseLinker's {@code ERROR_BLOCKED_TOKEN} ("Query limit exceeded, token blocked until &lt;time&gt;") is honoured:
 * no call reaches BaseLinker until the time it names, then the import goes on.
 */
class BlockedTokenTest extends BridgeTestSupport {

    @Test
    void noCallReachesBaseLinkerUntilTheTimeItNames() {
        Instant until = Instant.now().plusSeconds(4);
        SANDBOX.control().fault("baselinker", SandboxControl.Fault.status(200).times(1).withBody(Map.of(
                "status", "ERROR", "error_code", "ERROR_BLOCKED_TOKEN",
                "error_message", "Query limit exceeded, token blocked until " + until)));

        await().atMost(Timeouts.PATIENCE).until(() -> calls().stream().anyMatch(SandboxControl.Received::faulted));
        Instant blockedAt = calls().stream().filter(SandboxControl.Received::faulted).findFirst().orElseThrow().receivedAt();
        long orderId = addBaseLinkerOrder("PLN", "BLOK-1");
        awaitAtOptimakers(Long.toString(orderId));

        List<Instant> after = calls().stream().map(SandboxControl.Received::receivedAt)
                .filter(at -> at.isAfter(blockedAt)).toList();
        assertThat(after).isNotEmpty().allSatisfy(at -> assertThat(at).isAfterOrEqualTo(until.minus(Duration.ofMillis(5))));
        assertThat(Duration.between(blockedAt, until)).isGreaterThan(Duration.ofSeconds(1));
    }

    private static List<SandboxControl.Received> calls() {
        return SANDBOX.control().received("baselinker").stream()
                .filter(received -> received.path().endsWith("/connector.php")).toList();
    }
}
