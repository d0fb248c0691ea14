package com.crossdock.sandbox.suppliers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.crossdock.sandbox.VendorSandbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The six fake suppliers under {@code /suppliers/<name>}: their books. Each supplier's package wires its own
 * authentication, answers, and its {@link VendorSandbox} with {@link #sandbox}.
 */
@Configuration(proxyBeanMethods = false)
public class SuppliersSandboxConfiguration {

    @Bean
    SupplierBooks supplierBooks() {
        return new SupplierBooks();
    }

    /**
     * A supplier's state and reset on the kit: its book, plus what the supplier's own package holds ({@code more}:
     * tokens, quota, allow-list), reset by {@code alsoReset}.
     */
    public static VendorSandbox sandbox(SupplierBook book, Supplier<Map<String, Object>> more, Runnable alsoReset) {
        return new VendorSandbox() {
            @Override
            public String prefix() {
                return SupplierBooks.prefix(book.name());
            }

            @Override
            public Map<String, Object> state() {
                Map<String, Object> state = new LinkedHashMap<>(book.state());
                state.putAll(more.get());
                return state;
            }

            @Override
            public void reset() {
                book.reset();
                alsoReset.run();
            }
        };
    }
}
