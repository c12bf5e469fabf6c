package dev.brokerwatch.compiler.health;

/** One agent's {@code host:port} (an IPv6 host in brackets), as given to {@code --agents}. */
public record AgentAddress(String host, int port) {

    /** Parses {@code host:port} or {@code [v6]:port}; the message says what is wrong. */
    public static AgentAddress parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not host:port (e.g. kafka-0.kafka:9404 or [::1]:9404)");
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") != host.endsWith("]") || (!host.startsWith("[") && host.contains(":"))) {
            throw new IllegalArgumentException("'" + text + "': put an IPv6 address in brackets, e.g. [::1]:9404");
        }
        int port;
        try {
            port = Integer.parseInt(trimmed.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': the port is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + text + "': the port must be 1..65535");
        }
        return new AgentAddress(host, port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
