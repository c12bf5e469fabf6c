package dev.brokerwatch.compiler.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/** Asks agents for {@code /health/live} and {@code /health/ready} over HTTP, each request bounded in time. */
public final class HealthProbe {
    private final HttpClient client;
    private final Duration requestTimeout;

    public HealthProbe(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = timeout;
    }

    public List<BrokerHealth> check(List<AgentAddress> agents) {
        return agents.stream().map(this::check).toList();
    }

    public BrokerHealth check(AgentAddress agent) {
        return new BrokerHealth(agent, get(agent, "/health/live"), get(agent, "/health/ready"));
    }

    private EndpointHealth get(AgentAddress agent, String path) {
        URI uri = URI.create("http://" + agent + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                return EndpointHealth.unreachable("401: the agent wants credentials; set health.open=true in its settings");
            }
            return HealthBodyParser.parse(response.statusCode(), response.body());
        } catch (HttpConnectTimeoutException e) {
            return EndpointHealth.unreachable("no connection within " + requestTimeout.toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            return EndpointHealth.unreachable("no answer within " + requestTimeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return EndpointHealth.unreachable("connection refused");
        } catch (IOException e) {
            return EndpointHealth.unreachable(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EndpointHealth.unreachable("interrupted");
        }
    }
}
