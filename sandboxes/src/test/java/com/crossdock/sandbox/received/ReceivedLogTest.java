package com.crossdock.sandbox.received;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.crossdock.sandbox.SandboxProperties;
import org.junit.jupiter.api.Test;

class ReceivedLogTest {

    @Test
    void keepsOnlyTheLatestRequestsUpToItsSize() {
        ReceivedLog log = new ReceivedLog(new SandboxProperties(2));

        log.record(request("/paqtana/a"));
        log.record(request("/paqtana/b"));
        log.record(request("/prodsmart/c"));

        assertThat(log.all()).extracting(ReceivedRequest::path).containsExactly("/paqtana/b", "/prodsmart/c");
        assertThat(log.under("paqtana")).extracting(ReceivedRequest::path).containsExactly("/paqtana/b");
    }

    @Test
    void clearsOneVendorAndKeepsTheOthers() {
        ReceivedLog log = new ReceivedLog(new SandboxProperties(10));
        log.record(request("/paqtana/a"));
        log.record(request("/suppliers/omega/b"));

        log.clear("paqtana");

        assertThat(log.all()).extracting(ReceivedRequest::path).containsExactly("/suppliers/omega/b");
    }

    private static ReceivedRequest request(String path) {
        return new ReceivedRequest("GET", path, null, 200, 0, Instant.EPOCH, 1, false, null);
    }
}
