package io.graphmeet;

import io.graphmeet.config.ConfigException;
import io.graphmeet.config.GraphmeetConfig;
import io.helidon.common.tls.Tls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The HTTPS listener's TLS settings, from the PKCS#12 key store that {@code tls.keystore} names. */
final class TlsListener {

    private TlsListener() {}

    static Tls tls(GraphmeetConfig.Tls settings) {
        char[] password = settings.keystorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(settings.keystore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return Tls.builder().sslContext(context).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("tls.keystore (GRAPHMEET_TLS_KEYSTORE): cannot load " + settings.keystore()
                    + " as PKCS#12 with tls.keystorePassword: " + e.getMessage());
        }
    }
}
