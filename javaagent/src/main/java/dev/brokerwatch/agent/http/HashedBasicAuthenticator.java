package dev.brokerwatch.agent.http;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP basic auth against one user and a {@link PasswordHash}. PBKDF2 is deliberately slow, so a
 * successful check is remembered as an HMAC under a key that lives only in this process: the
 * scraper's repeated requests stay cheap, wrong guesses always pay the full cost. That cost is
 * bounded for the whole server by a {@link VerificationBudget}: beyond it a request with credentials
 * that are not remembered gets 429 without a verification. An {@code Authorization} header that is
 * not well-formed basic credentials gets 400.
 */
public final class HashedBasicAuthenticator extends BasicAuthenticator {
  public static final String REALM = "brokerwatch";
  /** Password verifications per second for all clients together, and how many may come at once. */
  static final double VERIFICATIONS_PER_SECOND = 4;
  static final int VERIFICATION_BURST = 16;
  /** Longer basic credentials are not credentials this agent could have issued. */
  static final int MAX_HEADER_LENGTH = 1024;

  private final byte[] user;
  private final PasswordHash hash;
  private final byte[] cacheKey = new byte[32];
  private volatile byte[] lastAccepted;
  private final VerificationBudget budget;
  private final AtomicLong verifications = new AtomicLong();

  public HashedBasicAuthenticator(String user, PasswordHash hash) {
    this(user, hash, new VerificationBudget(VERIFICATIONS_PER_SECOND, VERIFICATION_BURST));
  }

  HashedBasicAuthenticator(String user, PasswordHash hash, VerificationBudget budget) {
    super(REALM);
    this.user = PasswordHash.utf8(user);
    this.hash = hash;
    this.budget = budget;
    new SecureRandom().nextBytes(cacheKey);
  }

  @Override
  public Result authenticate(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      // no basic credentials: the challenge
      return super.authenticate(exchange);
    }
    String[] credentials = decode(header);
    if (credentials == null) {
      return new Failure(400);
    }
    if (!remembered(credentials[0], credentials[1]) && !budget.tryAcquire()) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      return new Failure(429);
    }
    return super.authenticate(exchange);
  }

  /** Number of password verifications (PBKDF2) so far. */
  long verifications() {
    return verifications.get();
  }

  /** User and password of well-formed basic credentials, or null. */
  private static String[] decode(String header) {
    if (header.length() > MAX_HEADER_LENGTH) {
      return null;
    }
    String text;
    try {
      text = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = text.indexOf(':');
    return colon < 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
  }

  private boolean remembered(String username, String password) {
    byte[] accepted = lastAccepted;
    return accepted != null && MessageDigest.isEqual(accepted, token(username, password));
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
    verifications.incrementAndGet();
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
