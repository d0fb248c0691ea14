package com.crossdock.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.crossdock.testkit.SandboxControl;
import com.crossdock.testkit.SandboxServer;
import com.crossdock.testkit.Timeouts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 point 10: "Najpierw należy utworzyć nowy token (lub pozyskać istniejący)" (Uwierzytelnianie). In the
 * sandbox's single-token mode a new token ends the older ones, as a company with one token would: two services of the
 * company that each POST a token knock each other out. The poller GETs the existing token first and POSTs only when
 * there is none, so two of its clients share one token.
 */
class TokenSharingTest extends PollerTestSupport {

    private static SandboxServer singleToken;

    @BeforeAll
    static void startSandbox() {
        singleToken = SandboxServer.start(LIMIT, PERIOD, "--sandboxes.prodsmart.api.single-token=true");
    }

    @AfterAll
    static void stopSandbox() {
        singleToken.close();
    }

    @BeforeEach
    void forgetTokens() {
        singleToken.control().reset("prodsmart");
    }

    @Test
    void twoPollersOfOneCompanyShareItsOneTokenInsteadOfEndingEachOthers() {
        ProdsmartClient first = client();
        ProdsmartClient second = client();

        for (int round = 0; round < 3; round++) {
            first.productsPage(1).block(Timeouts.BLOCK);
            second.productsPage(1).block(Timeouts.BLOCK);
        }

        assertThat(singleToken.control().prodsmart().state().get("tokensIssued")).isEqualTo(1);
        assertThat(singleToken.control().received("prodsmart")).extracting(SandboxControl.Received::status)
                .as("no call was refused").doesNotContain(401);
        assertThat(methodsOnAuthorization()).containsExactly("GET", "POST", "GET");
    }

    @Test
    void withoutLookingForTheExistingTokenTheyKnockEachOtherOut() {
        ProdsmartClient first = client("auth.exchange.reuse-existing=false");
        ProdsmartClient second = client("auth.exchange.reuse-existing=false");

        for (int round = 0; round < 3; round++) {
            first.productsPage(1).block(Timeouts.BLOCK);
            second.productsPage(1).block(Timeouts.BLOCK);
        }

        assertThat((Integer) singleToken.control().prodsmart().state().get("tokensIssued")).isGreaterThan(2);
        assertThat(singleToken.control().received("prodsmart")).extracting(SandboxControl.Received::status)
                .contains(401);
    }

    /** A poller's client of the company on the single-token sandbox, with a token cache of its own. */
    private ProdsmartClient client(String... settings) {
        return new ProdsmartClient(clientsOn(singleToken.url("prodsmart"), new SimpleMeterRegistry(), settings)
                .client(PollerConfiguration.VENDOR));
    }

    private List<String> methodsOnAuthorization() {
        return singleToken.control().received("prodsmart").stream()
                .filter(request -> request.path().equals("/prodsmart/api/authorization"))
                .map(SandboxControl.Received::method).toList();
    }
}
