package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** Serves the endpoints over TLS with the key and certificate of a keystore; TLS 1.2 and 1.3 only. */
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
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(store, keyPassword != null ? keyPassword : password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), null, null);
    return new TlsConfig(context);
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
        parameters.setNeedClientAuth(false);
        params.setSSLParameters(parameters);
      }
    };
  }
}
