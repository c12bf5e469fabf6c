package dev.brokerwatch.compiler.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (set by Maven), or "development" when run from classes. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"brokerwatch " + (version == null ? "development" : version)};
    }
}
