package dev.brokerwatch.agent.exposition;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array that one scrape writes its response into. It is reused from scrape to scrape
 * (see {@link ReusablePool}) so that a large response does not cost a new array each time, and it is
 * an {@link OutputStream} so that the client library's writer can append to it. Not thread-safe: one
 * scrape at a time.
 */
public final class ExpositionBuffer extends OutputStream {
  static final int MIN_CAPACITY = 64 * 1024;
  // the JDK's arrays cannot quite reach Integer.MAX_VALUE
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;

  private byte[] bytes;
  private int size;

  public ExpositionBuffer() {
    this(MIN_CAPACITY);
  }

  public ExpositionBuffer(int capacity) {
    this.bytes = new byte[Math.max(16, capacity)];
  }

  /** Forgets the content; keeps the array. */
  public void reset() {
    size = 0;
  }

  /** Number of bytes written. */
  public int size() {
    return size;
  }

  /** Length of the array behind the buffer. */
  public int capacity() {
    return bytes.length;
  }

  /** Drops everything written after the first {@code newSize} bytes. */
  public void truncate(int newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IllegalArgumentException("cannot truncate " + size + " bytes to " + newSize);
    }
    size = newSize;
  }

  /**
   * Gives back memory after a response much smaller than the array (say, after many partitions
   * were deleted), so that a past peak is not kept for good. Call between scrapes.
   */
  public void releaseExcess() {
    if (bytes.length > MIN_CAPACITY && size < bytes.length / 4) {
      bytes = new byte[Math.max(MIN_CAPACITY, size * 2)];
      size = 0;
    }
  }

  public void append(byte b) {
    if (size == bytes.length) {
      grow(1);
    }
    bytes[size++] = b;
  }

  public void append(byte[] source) {
    append(source, 0, source.length);
  }

  public void append(byte[] source, int offset, int length) {
    if (length > bytes.length - size) {
      grow(length);
    }
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  /** Appends text made only of ASCII characters (numbers, keywords), one byte per character. */
  /** Appends what {@code other} holds. */
  public void append(ExpositionBuffer other) {
    append(other.bytes, 0, other.size);
  }

  public void appendAscii(String text) {
    int length = text.length();
    if (length > bytes.length - size) {
      grow(length);
    }
    for (int i = 0; i < length; i++) {
      bytes[size + i] = (byte) text.charAt(i);
    }
    size += length;
  }

  @Override
  public void write(int b) {
    append((byte) b);
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    if (offset < 0 || length < 0 || length > source.length - offset) {
      throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + source.length);
    }
    append(source, offset, length);
  }

  /** Writes the content to {@code out} in one call. */
  public void writeTo(OutputStream out) throws java.io.IOException {
    out.write(bytes, 0, size);
  }

  /** A copy of the content. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** The content decoded as UTF-8 (for tests and messages). */
  public String toUtf8String() {
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }

  private void grow(int extra) {
    long needed = (long) size + extra;
    if (needed > MAX_CAPACITY) {
      throw new OutOfMemoryError("response larger than " + MAX_CAPACITY + " bytes");
    }
    long doubled = Math.max((long) bytes.length * 2, needed);
    bytes = Arrays.copyOf(bytes, (int) Math.min(doubled, MAX_CAPACITY));
  }
}
