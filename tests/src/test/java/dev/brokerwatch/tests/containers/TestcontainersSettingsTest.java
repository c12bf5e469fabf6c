package dev.brokerwatch.tests.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.brokerwatch.harness.containers.DockerEngine;
import dev.brokerwatch.harness.containers.NeverPullPolicy;

/** This module's testcontainers.properties: Testcontainers here never pulls, and its helper image is the local one. */
class TestcontainersSettingsTest {
    @Test
    void classpathSettingsNameTheLocalImageAndTheNeverPullPolicy() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/testcontainers.properties")) {
            assertThat(in).as("testcontainers.properties on the test class path").isNotNull();
            p.load(in);
        }
        assertThat(p.getProperty("pull.policy")).as("a class that exists: Testcontainers loads it by name")
                .isEqualTo(NeverPullPolicy.class.getName());
        assertThat(p.getProperty("tinyimage.container.image")).isEqualTo(DockerEngine.LOCAL_JRE_IMAGE);
    }
}
