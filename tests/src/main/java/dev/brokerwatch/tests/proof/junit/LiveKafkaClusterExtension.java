package dev.brokerwatch.tests.proof.junit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.brokerwatch.tests.harness.HarnessPaths;
import dev.brokerwatch.tests.proof.AlertProofRig;
import dev.brokerwatch.tests.proof.CompiledPack;
import dev.brokerwatch.tests.proof.ProofAgent;
import dev.brokerwatch.tests.proof.ProofBackend;
import dev.brokerwatch.tests.proof.ProofParams;

/** Resolves {@link AlertProofRig} parameters for {@link LiveKafkaCluster} tests; closes the rig after each test. */
public final class LiveKafkaClusterExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LiveKafkaClusterExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == AlertProofRig.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        LiveKafkaCluster spec = AnnotationSupport.findAnnotation(c.getRequiredTestMethod(), LiveKafkaCluster.class)
                .or(() -> AnnotationSupport.findAnnotation(c.getRequiredTestClass(), LiveKafkaCluster.class))
                .orElseThrow(() -> new ParameterResolutionException("no @LiveKafkaCluster on " + c.getDisplayName()));
        String name = c.getRequiredTestClass().getSimpleName() + "-" + c.getRequiredTestMethod().getName();
        Holder h = c.getStore(NS).getOrComputeIfAbsent(name, k -> new Holder(start(spec, name)), Holder.class);
        return h.rig;
    }

    private static AlertProofRig start(LiveKafkaCluster spec, String name) {
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
            Path root = spec.pack().isEmpty() ? CompiledPack.repoRoot().resolve("alerts/kafka.bw")
                    : CompiledPack.repoRoot().resolve(spec.pack());
            b.pack(CompiledPack.compile(root, HarnessPaths.targetDir().resolve("proof").resolve("pack-" + name), params));
        }
        return b.start();
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
