package com.crossdock.sandbox.suppliers.omega;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import com.crossdock.sandbox.JsonAnswer;
import com.crossdock.sandbox.VendorError;
import com.crossdock.sandbox.VendorSandbox;
import com.crossdock.sandbox.auth.VendorAuth;
import com.crossdock.sandbox.suppliers.SupplierBooks;
import com.crossdock.sandbox.suppliers.SuppliersSandboxConfiguration;
import com.crossdock.sandbox.suppliers.SuppliersSandboxProperties;
import org.springframework.http.HttpStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Omega on the sandbox kit: its IP allow-list is the gate (carbook-supplier-apis.uk.txt "Омега": the supplier forms the
 * token for the IP the CARBOOK manager gives; a caller from any other address is refused, 403 in Omega's envelope);
 * the key inside the body is checked by {@link OmegaController}.
 */
@Configuration(proxyBeanMethods = false)
class OmegaSandboxConfiguration {

    /** The addresses Omega serves; {@code PUT /suppliers/omega/_sandbox/allowed-ips} replaces them. */
    static final class AllowList {

        private final List<String> configured;
        private final Set<String> allowed = new CopyOnWriteArraySet<>();

        AllowList(List<String> configured) {
            this.configured = List.copyOf(configured);
            allowed.addAll(configured);
        }

        void replace(List<String> addresses) {
            allowed.clear();
            allowed.addAll(addresses);
        }

        boolean allows(String address) {
            return address != null && allowed.contains(address);
        }

        List<String> addresses() {
            return List.copyOf(allowed);
        }

        void reset() {
            replace(configured);
        }
    }

    @Bean
    AllowList omegaAllowList(SuppliersSandboxProperties properties) {
        return new AllowList(properties.omega().allowedIps());
    }

    @Bean
    VendorAuth omegaAuth(AllowList omegaAllowList) {
        return VendorAuth.of(SupplierBooks.prefix(SupplierBooks.OMEGA),
                        (exchange, error) -> JsonAnswer.write(exchange, error.status(), OmegaController.failure(error.message())))
                .everywhere(request -> {
                    InetSocketAddress remote = request.getRemoteAddress();
                    String address = remote == null || remote.getAddress() == null ? null
                            : remote.getAddress().getHostAddress();
                    return omegaAllowList.allows(address) ? Optional.empty()
                            : Optional.of(new VendorError(HttpStatus.FORBIDDEN, "IP address " + address
                                    + " is not allowed for this client"));
                });
    }

    @Bean
    VendorSandbox omegaSandbox(SupplierBooks books, AllowList omegaAllowList) {
        return SuppliersSandboxConfiguration.sandbox(books.book(SupplierBooks.OMEGA), () -> {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("allowedIps", omegaAllowList.addresses());
            return state;
        }, omegaAllowList::reset);
    }
}
