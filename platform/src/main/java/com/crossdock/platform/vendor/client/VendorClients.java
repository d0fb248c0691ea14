package com.crossdock.platform.vendor.client;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.crossdock.platform.vendor.AuthProperties;
import com.crossdock.platform.vendor.VendorPolicies;
import com.crossdock.platform.vendor.VendorPolicy;
import com.crossdock.platform.vendor.VendorProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one factory of vendor clients: {@code clients.client("paqtana")} is the client of
 * {@code crossdock.vendors.paqtana} (base URL, authentication, codecs) together with its {@link VendorPolicy}.
 * Each client is built on a clone of Boot's auto-configured {@link WebClient.Builder}, so it has the service's
 * codecs and HTTP client observations; no module builds a vendor WebClient of its own.
 */
public class VendorClients {

    private final VendorPolicies policies;
    private final WebClient.Builder builder;
    private final JsonMapper json;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ConcurrentMap<String, VendorClient> clients = new ConcurrentHashMap<>();

    /** {@code builder} is cloned for each client, never changed. */
    public VendorClients(VendorPolicies policies, WebClient.Builder builder, JsonMapper json, MeterRegistry registry,
            Clock clock) {
        this.policies = policies;
        this.builder = builder;
        this.json = json;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * The client of {@code vendor}, built once and shared, so that all its calls share one token. What its requests
     * cost is on its policy ({@link VendorPolicy#onRequest}, {@code crossdock.vendor.requests}).
     */
    public VendorClient client(String vendor) {
        return clients.computeIfAbsent(vendor, this::create);
    }

    private VendorClient create(String vendor) {
        VendorProperties settings = policies.properties().forVendor(vendor);
        VendorPolicy policy = policies.forVendor(vendor);
        WebClient.Builder web = builder.clone();
        if (settings.baseUrl() != null) {
            web.baseUrl(settings.baseUrl().toString());
        }
        if (settings.maxInMemorySize() != null) {
            int bytes = Math.toIntExact(settings.maxInMemorySize().toBytes());
            web.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(bytes));
        }
        AuthProperties auth = settings.auth();
        // the token exchange goes out on the same WebClient, but without the authentication it provides
        Credentials credentials = auth.style() == AuthProperties.Style.TOKEN_EXCHANGE
                ? new ExchangedToken(vendor, auth, web.clone().build(), policy, clock, registry)
                : FixedCredentials.of(vendor, auth);
        // outermost, so that the builder's own filters see each request as it is sent, authenticated
        WebClient authenticated = web.filters(filters -> filters.add(0, authentication(credentials))).build();
        return new VendorClient(vendor, authenticated, policy, credentials, json, null);
    }

    /** Puts the call's credential, which {@link VendorClient} attached to the request, on the request itself. */
    private static ExchangeFilterFunction authentication(Credentials credentials) {
        return (request, next) -> next.exchange(credentials.authenticate(request,
                (String) request.attribute(VendorClient.CREDENTIAL).orElse(null)));
    }
}
