package dev.brokerwatch.agent.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Requests written byte by byte on a plain socket, for what well-behaved clients never send. */
public final class RawHttp {
  private RawHttp() {}

  /**
   * Sends {@code request} as ISO-8859-1 bytes and returns everything the server sends until it
   * closes the connection or {@code timeoutMillis} pass without a byte; "" when nothing came.
   */
  public static String exchange(int port, String request, int timeoutMillis) throws IOException {
    return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), timeoutMillis);
  }

  public static String exchange(int port, byte[] request, int timeoutMillis) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // the server may close before reading all of a huge request; read what it answered
      }
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          answer.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException | java.net.SocketException e) {
        // keep-alive, or a reset after the answer: what came is the answer
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** The status code of a raw answer, or -1 when there was none. */
  public static int status(String answer) {
    if (!answer.startsWith("HTTP/1.1 ") || answer.length() < 12) {
      return -1;
    }
    return Integer.parseInt(answer.substring(9, 12));
  }
}
