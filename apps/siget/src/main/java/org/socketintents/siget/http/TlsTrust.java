package org.socketintents.siget.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.ssl.SSLContextBuilder;

/** Which servers https trusts, as wget's certificate options say. */
public final class TlsTrust {

    private TlsTrust() {
    }

    /**
     * @return the JDK's trusted authorities and host name verification, loaded on the first https connection:
     *         reading the JDK's trust store takes time a plain http run need not spend
     */
    public static TlsSocketStrategy system() {
        return new TlsSocketStrategy() {
            private TlsSocketStrategy loaded;

            @Override
            public synchronized SSLSocket upgrade(Socket socket, String target, int port, Object attachment,
                                                  HttpContext context) throws IOException {
                if (loaded == null) {
                    try {
                        loaded = strategy(SSLContext.getDefault());
                    } catch (GeneralSecurityException e) {
                        throw new SSLException("the JDK offers no TLS context", e);
                    }
                }
                return loaded.upgrade(socket, target, port, attachment, context);
            }
        };
    }

    /**
     * wget's {@code --ca-certificate}: trust exactly the certificate authorities in a PEM (or DER) file, with
     * host name verification.
     *
     * @param certificates the file
     * @return the strategy
     * @throws IOException              if the file cannot be read
     * @throws GeneralSecurityException if it holds no usable certificate
     */
    public static TlsSocketStrategy authorities(Path certificates) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        Collection<? extends Certificate> loaded;
        try (InputStream in = Files.newInputStream(certificates)) {
            loaded = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (loaded.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + certificates);
        }
        int index = 0;
        for (Certificate certificate : loaded) {
            store.setCertificateEntry("ca-" + index++, certificate);
        }
        return strategy(SSLContextBuilder.create().loadTrustMaterial(store, null).build());
    }

    /** @return wget's {@code --no-check-certificate}: any certificate, any host name */
    public static TlsSocketStrategy anyServer() {
        try {
            SSLContext context = SSLContextBuilder.create().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
            return ClientTlsStrategyBuilder.create().setSslContext(context)
                    .setHostnameVerifier(NoopHostnameVerifier.INSTANCE).buildClassic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS context", e);
        }
    }

    private static TlsSocketStrategy strategy(SSLContext context) {
        return ClientTlsStrategyBuilder.create().setSslContext(context).buildClassic();
    }
}
