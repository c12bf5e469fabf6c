package dev.brokerwatch.compiler.health;

import java.util.List;

/**
 * One answer of {@code /health/live} or {@code /health/ready}: the HTTP status, the agent's UP/DOWN and its
 * checks; or, when the agent could not be asked, why ({@code error}) and no checks.
 */
public record EndpointHealth(int httpStatus, String status, List<Check> checks, String error) {

    /** One named check of the agent's report. */
    public record Check(String name, boolean ok, String detail) {
    }

    public EndpointHealth {
        checks = List.copyOf(checks);
    }

    static EndpointHealth unreachable(String error) {
        return new EndpointHealth(0, "UNREACHABLE", List.of(), error);
    }

    /** UP only on 200 with status UP: the agent's own verdict. */
    public boolean ok() {
        return httpStatus == 200 && "UP".equals(status);
    }

    public boolean reachable() {
        return error == null;
    }
}
