package dev.brokerwatch.compiler.health;

/** What one agent says about its broker: liveness and readiness. */
public record BrokerHealth(AgentAddress agent, EndpointHealth live, EndpointHealth ready) {

    public boolean isReady() {
        return ready.ok();
    }

    public boolean reachable() {
        return live.reachable() || ready.reachable();
    }

    /** {@code ready}, {@code not ready}, {@code not live} or {@code unreachable}. */
    public String verdict() {
        if (!reachable()) {
            return "unreachable";
        }
        if (isReady()) {
            return "ready";
        }
        return live.ok() ? "not ready" : "not live";
    }
}
