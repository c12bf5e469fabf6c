package dev.brokerwatch.agent.http;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints the {@code auth.password.hash} value for a password read from the terminal (not echoed) or
 * from the first line of standard input:
 *
 * <pre>
 * java -cp brokerwatch-agent.jar dev.brokerwatch.agent.http.HashPassword [iterations]
 * </pre>
 *
 * The password is never taken from the command line, where other users could see it.
 */
public final class HashPassword {
  private HashPassword() {}

  public static void main(String[] args) throws IOException {
    int iterations = PasswordHash.DEFAULT_ITERATIONS;
    if (args.length > 1 || (args.length == 1 && !args[0].matches("[0-9]+"))) {
      System.err.println("usage: java -cp brokerwatch-agent.jar " + HashPassword.class.getName() + " [iterations]");
      System.err.println("reads the password from the terminal or the first line of standard input");
      return;
    }
    if (args.length == 1) {
      iterations = Integer.parseInt(args[0]);
    }
    char[] password = readPassword();
    if (password == null || password.length == 0) {
      System.err.println("no password given");
      return;
    }
    System.out.println(PasswordHash.create(password, iterations));
    java.util.Arrays.fill(password, '\0');
  }

  private static char[] readPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      return console.readPassword("password: ");
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    return line == null ? null : line.toCharArray();
  }
}
