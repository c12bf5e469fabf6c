package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Serves the endpoints over TLS with the key and certificate of a keystore: TLS 1.2 and 1.3 only,
 * and only cipher suites with forward secrecy and authenticated encryption (TLS 1.3's, and TLS
 * 1.2's ECDHE or DHE with AES-GCM or ChaCha20-Poly1305).
 */
public final class TlsConfig {
  private final SSLContext context;

  private TlsConfig(SSLContext context) {
    this.context = context;
  }

  /**
   * Loads the keystore now, so a wrong path or password stops the agent at start.
   *
   * @param keyPassword the private key's password; null to use the keystore password
   */
  public static TlsConfig fromKeystore(Path keystore, char[] password, String type, char[] keyPassword)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, password);
    }
    if (!hasPrivateKey(store)) {
      // the JDK would start and then fail every handshake
      throw new GeneralSecurityException("the keystore has no private key entry (a certificate alone cannot serve TLS)");
    }
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(store, keyPassword != null ? keyPassword : password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), null, null);
    return new TlsConfig(context);
  }

  private static boolean hasPrivateKey(KeyStore store) throws KeyStoreException {
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias) && store.getCertificate(alias) != null) {
        return true;
      }
    }
    return false;
  }

  /** TLS 1.3 suites, and TLS 1.2 suites with an ephemeral key exchange and an AEAD cipher. */
  static boolean forwardSecretAead(String suite) {
    if (suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_")) {
      return true;
    }
    boolean ephemeral = suite.startsWith("TLS_ECDHE_") || suite.startsWith("TLS_DHE_");
    boolean aead = suite.contains("_GCM_") || suite.contains("_CHACHA20_POLY1305_");
    return ephemeral && aead;
  }

  public HttpsConfigurator configurator() {
    return new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        List<String> protocols = new ArrayList<>();
        for (String protocol : parameters.getProtocols()) {
          if (protocol.equals("TLSv1.2") || protocol.equals("TLSv1.3")) {
            protocols.add(protocol);
          }
        }
        parameters.setProtocols(protocols.toArray(new String[0]));
        List<String> suites = new ArrayList<>();
        for (String suite : parameters.getCipherSuites()) {
          if (forwardSecretAead(suite)) {
            suites.add(suite);
          }
        }
        parameters.setCipherSuites(suites.toArray(new String[0]));
        parameters.setNeedClientAuth(false);
        params.setSSLParameters(parameters);
      }
    };
  }
}
