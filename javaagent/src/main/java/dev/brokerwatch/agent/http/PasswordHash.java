package dev.brokerwatch.agent.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash, written as
 * {@code pbkdf2-sha256:<iterations>:<base64 salt>:<base64 derived key>}.
 */
public final class PasswordHash {
  public static final String SCHEME = "pbkdf2-sha256";
  public static final int DEFAULT_ITERATIONS = 310_000;

  private static final int MIN_ITERATIONS = 10_000;
  private static final int SALT_BYTES = 16;
  private static final int KEY_BYTES = 32;

  private final int iterations;
  private final byte[] salt;
  private final byte[] key;

  private PasswordHash(int iterations, byte[] salt, byte[] key) {
    this.iterations = iterations;
    this.salt = salt;
    this.key = key;
  }

  /** Hashes {@code password} with a fresh random salt. */
  public static PasswordHash create(char[] password, int iterations) {
    if (iterations < MIN_ITERATIONS) {
      throw new IllegalArgumentException("at least " + MIN_ITERATIONS + " iterations, got " + iterations);
    }
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    return new PasswordHash(iterations, salt, derive(password, salt, iterations, KEY_BYTES));
  }

  /** Parses the written form; the message of the exception says what is wrong. */
  public static PasswordHash parse(String text) {
    String[] parts = text.trim().split(":", -1);
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      throw new IllegalArgumentException(
          "expected " + SCHEME + ":<iterations>:<salt>:<hash> (make one with HashPassword)");
    }
    int iterations;
    try {
      iterations = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("iterations '" + parts[1] + "' is not a number");
    }
    if (iterations < MIN_ITERATIONS) {
      throw new IllegalArgumentException("at least " + MIN_ITERATIONS + " iterations, got " + iterations);
    }
    byte[] salt;
    byte[] key;
    try {
      salt = Base64.getDecoder().decode(parts[2]);
      key = Base64.getDecoder().decode(parts[3]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("salt and hash must be base64");
    }
    if (salt.length < 8 || key.length < 16) {
      throw new IllegalArgumentException("salt or hash too short");
    }
    return new PasswordHash(iterations, salt, key);
  }

  /** Constant-time check of {@code password} against this hash. */
  public boolean matches(char[] password) {
    return MessageDigest.isEqual(key, derive(password, salt, iterations, key.length));
  }

  @Override
  public String toString() {
    Base64.Encoder base64 = Base64.getEncoder();
    return SCHEME + ":" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations, int keyBytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is required of every JVM", e);
    } finally {
      spec.clearPassword();
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
