package dev.brokerwatch.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The receiving end of Alertmanager's {@code webhook_configs} on 127.0.0.1: records every notification it is
 * sent, in order, with the time it arrived. {@link #url(String)} is the URL to give a receiver; the path names
 * the receiver, so a recorded notification says which receiver it was routed to even if a payload lied.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Alertmanager's payloads are small; anything bigger is not one of them. */
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Notification> received = new ArrayList<>();

    private WebhookReceiver(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on a free loopback port. */
    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(LoopbackPorts.loopback(), 0), 16);
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "webhook-receiver");
                t.setDaemon(true);
                return t;
            });
            WebhookReceiver receiver = new WebhookReceiver(server, executor);
            server.createContext("/", receiver::handle);
            server.setExecutor(executor);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the webhook receiver on loopback: " + e, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL a receiver named {@code receiver} posts to. */
    public String url(String receiver) {
        return "http://" + LoopbackPorts.address(port()) + "/" + receiver;
    }

    /** Every notification received so far, oldest first. */
    public synchronized List<Notification> notifications() {
        return List.copyOf(received);
    }

    /** Notifications received at or after {@code nanoTime} ({@link System#nanoTime()}). */
    public synchronized List<Notification> since(long nanoTime) {
        return received.stream().filter(n -> n.receivedAt() - nanoTime >= 0).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            Notification n;
            try {
                n = Notification.parse(exchange.getRequestURI().getPath().substring(1), JSON.readTree(body),
                        System.nanoTime());
            } catch (IOException | RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            synchronized (this) {
                received.add(n);
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One alert of a notification: its status ({@code firing} or {@code resolved}) and labels. */
    public record NotifiedAlert(String status, Map<String, String> labels) {
        public String name() {
            return labels.getOrDefault("alertname", "");
        }

        public boolean isFiring() {
            return "firing".equals(status);
        }
    }

    /**
     * One webhook call: the receiver (from the URL path), the group's key and labels, the group's status
     * ({@code firing} while any of its alerts fires) and its alerts. {@code receivedAt} is a {@link System#nanoTime()}.
     */
    public record Notification(String receiver, String groupKey, Map<String, String> groupLabels, String status,
            List<NotifiedAlert> alerts, long receivedAt) {
        public boolean isFiring() {
            return "firing".equals(status);
        }

        /** The names of the alerts this notification reports firing, in the order sent. */
        public List<String> firingAlertNames() {
            return alerts.stream().filter(NotifiedAlert::isFiring).map(NotifiedAlert::name).distinct().toList();
        }

        static Notification parse(String receiver, JsonNode body, long receivedAt) {
            List<NotifiedAlert> alerts = new ArrayList<>();
            for (JsonNode a : body.path("alerts")) {
                alerts.add(new NotifiedAlert(a.path("status").asText(), strings(a.path("labels"))));
            }
            if (!body.hasNonNull("groupKey") || !body.hasNonNull("status")) {
                throw new IllegalArgumentException("not an Alertmanager webhook payload");
            }
            return new Notification(receiver, body.path("groupKey").asText(), strings(body.path("groupLabels")),
                    body.path("status").asText(), List.copyOf(alerts), receivedAt);
        }

        private static Map<String, String> strings(JsonNode obj) {
            Map<String, String> out = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().asText());
            }
            return Collections.unmodifiableMap(out);
        }
    }
}
