package com.crossdock.platform.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The TLS context of an https registry whose certificate is checked against a trust store of its own. */
final class RegistryTls {

    private RegistryTls() {
    }

    /**
     * @throws IllegalArgumentException when the trust store cannot be read (missing file, wrong password or type):
     *                                  a start-up failure naming the key, not a handshake failure on the first call
     */
    static SSLContext context(RegistryClientSettings.TrustStore store) {
        try (InputStream in = Files.newInputStream(Path.of(store.location()))) {
            KeyStore keys = KeyStore.getInstance(store.type());
            keys.load(in, store.password() == null ? null : store.password().reveal().toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the schema registry trust store "
                    + RegistryClientSettings.TRUSTSTORE_LOCATION + "=" + store.location() + " (type " + store.type()
                    + "): " + e.getMessage(), e);
        }
    }
}
