package dev.brokerwatch.harness.proof.junit;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.brokerwatch.harness.HarnessPaths;
import dev.brokerwatch.harness.proof.AlertProofRig;
import dev.brokerwatch.harness.proof.CompiledPack;
import dev.brokerwatch.harness.proof.ProofAgent;
import dev.brokerwatch.harness.proof.ProofBackend;
import dev.brokerwatch.harness.proof.ProofParams;

/** Resolves {@link AlertProofRig} parameters for {@link LiveKafkaCluster} tests; closes each rig after the test, or the class, it served. */
public final class LiveKafkaClusterExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LiveKafkaClusterExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == AlertProofRig.class;
    }

    /**
     * A method's own annotation gets a rig of its own, closed after that test. The class's annotation gives one rig
     * per test too, or with {@code perClass = true} one rig for every test of the class: kept in the class's
     * extension context, which closes it after the class's last test.
     */
    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        Optional<LiveKafkaCluster> onMethod = AnnotationSupport.findAnnotation(c.getRequiredTestMethod(), LiveKafkaCluster.class);
        LiveKafkaCluster spec = onMethod
                .or(() -> AnnotationSupport.findAnnotation(c.getRequiredTestClass(), LiveKafkaCluster.class))
                .orElseThrow(() -> new ParameterResolutionException("no @LiveKafkaCluster on " + c.getDisplayName()));
        boolean perClass = onMethod.isEmpty() && spec.perClass();
        ExtensionContext owner = perClass ? c.getParent().orElseThrow() : c;
        String name = c.getRequiredTestClass().getSimpleName() + (perClass ? "" : "-" + c.getRequiredTestMethod().getName());
        Holder h = owner.getStore(NS).getOrComputeIfAbsent(name, k -> new Holder(start(spec, name, c.getRequiredTestClass())), Holder.class);
        return h.rig;
    }

    private static AlertProofRig start(LiveKafkaCluster spec, String name, Class<?> testClass) {
        AlertProofRig.Builder b = AlertProofRig.builder(name).heap(spec.heap());
        if (!spec.backend().isEmpty()) {
            try {
                b.backend(ProofBackend.parse(spec.backend()));
            } catch (IllegalArgumentException e) {
                throw new ParameterResolutionException(e.getMessage());
            }
        }
        if (spec.controllers() > 0 && spec.brokers() > 0) {
            b.separateRoles(spec.controllers(), spec.brokers());
        } else {
            b.combinedNodes(spec.nodes());
        }
        if (!spec.version().isEmpty()) {
            b.version(spec.version());
        }
        if (!spec.agent().isEmpty()) {
            b.agent(ProofAgent.valueOf(spec.agent().toUpperCase(Locale.ROOT)));
        }
        if (!spec.pack().isEmpty() || spec.set().length > 0) {
            Map<String, String> params = new LinkedHashMap<>(
                    spec.pack().isEmpty() ? ProofParams.set(ProofParams.version(spec.version())) : Map.of());
            for (String kv : spec.set()) {
                int eq = kv.indexOf('=');
                if (eq < 1) {
                    throw new ParameterResolutionException("set entries are name=value: " + kv);
                }
                params.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            Path out = HarnessPaths.targetDir().resolve("proof").resolve("pack-" + name);
            b.pack(spec.pack().isEmpty() ? CompiledPack.curated(out, params)
                    : CompiledPack.compile(packFile(spec.pack(), testClass), out, params));
        }
        return b.start();
    }

    /**
     * The pack's root file: a path relative to the working directory (the module's directory under Maven), or
     * else a resource on the test's class path (src/test/resources) that is a file.
     */
    static Path packFile(String pack, Class<?> testClass) {
        Path file = Path.of(pack);
        if (Files.isRegularFile(file)) {
            return file.toAbsolutePath();
        }
        URL resource = testClass.getClassLoader().getResource(pack.startsWith("/") ? pack.substring(1) : pack);
        if (resource != null && "file".equals(resource.getProtocol())) {
            try {
                return Path.of(resource.toURI());
            } catch (URISyntaxException e) {
                throw new ParameterResolutionException("cannot read the pack " + resource, e);
            }
        }
        throw new ParameterResolutionException("@LiveKafkaCluster(pack = \"" + pack + "\"): no such file in "
                + Path.of("").toAbsolutePath() + (resource != null ? ", and the class-path resource " + resource
                + " is not a file on disk" : " nor on the test class path")
                + ": give a path relative to the module directory, or put the pack under src/test/resources");
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        final AlertProofRig rig;

        Holder(AlertProofRig rig) {
            this.rig = rig;
        }

        @Override
        public void close() {
            rig.close();
        }
    }
}
