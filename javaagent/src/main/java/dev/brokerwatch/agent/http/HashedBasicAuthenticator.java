package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.BasicAuthenticator;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP basic auth against one user and a {@link PasswordHash}. PBKDF2 is deliberately slow, so a
 * successful check is remembered as an HMAC under a key that lives only in this process: the
 * scraper's repeated requests stay cheap, wrong guesses always pay the full cost.
 */
public final class HashedBasicAuthenticator extends BasicAuthenticator {
  public static final String REALM = "brokerwatch";

  private final byte[] user;
  private final PasswordHash hash;
  private final byte[] cacheKey = new byte[32];
  private volatile byte[] lastAccepted;

  public HashedBasicAuthenticator(String user, PasswordHash hash) {
    super(REALM);
    this.user = PasswordHash.utf8(user);
    this.hash = hash;
    new SecureRandom().nextBytes(cacheKey);
  }

  @Override
  public boolean checkCredentials(String username, String password) {
    if (username == null || password == null) {
      return false;
    }
    boolean userMatches = MessageDigest.isEqual(user, PasswordHash.utf8(username));
    byte[] token = token(username, password);
    byte[] accepted = lastAccepted;
    if (accepted != null && MessageDigest.isEqual(accepted, token)) {
      return true;
    }
    boolean passwordMatches = hash.matches(password.toCharArray());
    if (userMatches && passwordMatches) {
      lastAccepted = token;
      return true;
    }
    return false;
  }

  private byte[] token(String username, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
      mac.update(PasswordHash.utf8(username));
      mac.update((byte) 0);
      return mac.doFinal(PasswordHash.utf8(password));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }
}
