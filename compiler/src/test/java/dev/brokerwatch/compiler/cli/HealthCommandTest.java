package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code brokerwatch health} against agents imitated by a loopback HTTP server answering as the agent does. */
class HealthCommandTest {
    private static final String RUNNING = "{\"status\":\"UP\",\"checks\":[{\"name\":\"broker_state\",\"ok\":true,\"detail\":\"RUNNING\"}]}";
    private static final String STARTING = "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"broker_state\",\"ok\":false,\"detail\":\"STARTING\"}]}";

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String agent(AtomicReference<String> readyBody) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health/live", exchange -> answer(exchange, RUNNING));
        server.createContext("/health/ready", exchange -> answer(exchange, readyBody.get()));
        server.start();
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(body.contains("\"UP\"") ? 200 : 503, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aReadyBrokerExitsZeroAndShowsItsChecks() throws IOException {
        String agent = agent(new AtomicReference<>(RUNNING));
        Cli cli = Cli.run("health", "--agents", agent);
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).as("the verdict, each endpoint and each check")
                .isEqualTo(agent + "  ready\n  live   UP\n    ok   broker_state: RUNNING\n  ready  UP\n    ok   broker_state: RUNNING\n"
                        + "1 of 1 brokers ready\n");
    }

    @Test
    void aBrokerThatIsLiveButNotReadyExitsOne() throws IOException {
        String agent = agent(new AtomicReference<>(STARTING));
        Cli cli = Cli.run("health", "--agents", agent);
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(cli.out()).contains(agent + "  not ready").contains("FAIL broker_state: STARTING").contains("0 of 1 brokers ready");
    }

    @Test
    void anUnreachableAgentIsNamedAndExitsOne() throws IOException {
        String agent = "127.0.0.1:" + closedPort();
        Cli cli = Cli.run("health", "--agents", agent);
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(cli.out()).contains(agent + "  unreachable").contains("connection refused");
    }

    @Test
    void oneBrokerNotReadyMakesTheClusterNotReady() throws IOException {
        String ready = agent(new AtomicReference<>(RUNNING));
        Cli cli = Cli.run("health", "--agents", ready + ",127.0.0.1:" + closedPort());
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(cli.out()).contains("1 of 2 brokers ready");
    }

    @Test
    void waitReturnsZeroOnceTheBrokerBecomesReady() throws IOException {
        AtomicReference<String> body = new AtomicReference<>(STARTING);
        String agent = agent(body);
        AtomicInteger asked = new AtomicInteger();
        server.removeContext("/health/ready");
        server.createContext("/health/ready", exchange -> answer(exchange, asked.incrementAndGet() >= 3 ? RUNNING : body.get()));
        Cli cli = Cli.run("health", "--agents", agent, "--wait", "30s");
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.OK);
        assertThat(cli.err()).as("progress while waiting").contains("waiting: 0 of 1 brokers ready");
        assertThat(asked.get()).as("it stopped asking once ready").isEqualTo(3);
    }

    @Test
    void waitGivesUpAtItsTimeoutWithExitOne() throws IOException {
        String agent = agent(new AtomicReference<>(STARTING));
        long start = System.nanoTime();
        Cli cli = Cli.run("health", "--agents", agent, "--wait", "1500ms");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(cli.exitCode()).as(cli.all()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(cli.err()).contains("not every broker was ready within 1500ms");
        assertThat(elapsedMillis).as("bounded by the timeout plus one round").isBetween(1400L, 6000L);
    }

    @Test
    void jsonCarriesTheClusterVerdictAndEveryCheck() throws IOException {
        String agent = agent(new AtomicReference<>(STARTING));
        Cli cli = Cli.run("health", "--agents", agent, "--format", "json");
        assertThat(cli.out()).isEqualTo("{\"ready\": false, \"brokers\": [\n  {\"agent\": \"" + agent + "\", \"verdict\": \"not ready\", "
                + "\"live\": {\"ok\": true, \"status\": \"UP\", \"http\": 200, \"checks\": [{\"name\": \"broker_state\", \"ok\": true, \"detail\": \"RUNNING\"}]}, "
                + "\"ready\": {\"ok\": false, \"status\": \"DOWN\", \"http\": 503, \"checks\": [{\"name\": \"broker_state\", \"ok\": false, \"detail\": \"STARTING\"}]}}\n]}\n");
    }

    @Test
    void anAddressWithoutAPortIsAUsageError() {
        Cli cli = Cli.run("health", "--agents", "kafka-0");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("'kafka-0' is not host:port");
    }

    @Test
    void aWaitThatIsNotADurationIsAUsageError() {
        Cli cli = Cli.run("health", "--agents", "127.0.0.1:9404", "--wait", "soon");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("--wait 'soon' is not a duration");
    }
}
