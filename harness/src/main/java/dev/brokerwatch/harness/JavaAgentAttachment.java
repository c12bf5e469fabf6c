package dev.brokerwatch.harness;

import java.util.List;

/**
 * How a Java agent is attached to a node's JVM. The cluster allocates one free loopback port per agent
 * per node and asks for the JVM arguments that attach the agent on that port, for example
 * {@code -javaagent:/path/agent.jar=127.0.0.1:<port>:/path/mapping.yaml}. The node's directory exists
 * when this is called, so an implementation may write a config file into it.
 */
@FunctionalInterface
public interface JavaAgentAttachment {
    List<String> jvmArguments(KafkaNode node, int port);
}
