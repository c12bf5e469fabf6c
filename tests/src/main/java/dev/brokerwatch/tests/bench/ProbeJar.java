package dev.brokerwatch.tests.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import dev.brokerwatch.tests.bench.probe.ProbeAgent;

/**
 * Packs the classes of {@link ProbeAgent}'s package (JDK-only) from this module's classes (a directory or a jar)
 * into a small agent jar with a {@code Premain-Class}.
 */
public final class ProbeJar {
    private ProbeJar() {}

    public static Path build(Path target) {
        String prefix = ProbeAgent.class.getPackageName().replace('.', '/') + "/";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ProbeAgent.class.getName());
        try {
            Path source = Path.of(ProbeAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.createDirectories(target.getParent());
            try (OutputStream file = Files.newOutputStream(target);
                 JarOutputStream jar = new JarOutputStream(file, manifest)) {
                if (Files.isDirectory(source)) {
                    List<Path> classes;
                    try (Stream<Path> walk = Files.walk(source.resolve(prefix))) {
                        classes = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                    }
                    for (Path c : classes) {
                        jar.putNextEntry(new JarEntry(source.relativize(c).toString().replace('\\', '/')));
                        Files.copy(c, jar);
                        jar.closeEntry();
                    }
                } else {
                    try (JarFile from = new JarFile(source.toFile())) {
                        for (JarEntry e : from.stream().filter(e -> e.getName().startsWith(prefix)
                                && e.getName().endsWith(".class")).toList()) {
                            jar.putNextEntry(new JarEntry(e.getName()));
                            try (InputStream in = from.getInputStream(e)) {
                                in.transferTo(jar);
                            }
                            jar.closeEntry();
                        }
                    }
                }
            }
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the probe agent jar " + target, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
