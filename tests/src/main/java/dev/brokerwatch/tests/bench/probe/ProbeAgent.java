package dev.brokerwatch.tests.bench.probe;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.management.AttributeList;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The benchmark's probe inside the broker JVM: a tiny Java agent with no dependencies beyond the JDK, so that
 * measurements are taken where the exporters run and without JMX remoting (whose RMI cost would swamp what is
 * measured). Loaded with {@code -javaagent:probe.jar=127.0.0.1:<port>:<reads-file>}; serves, on its own thread
 * ({@value #THREAD_PREFIX}*):
 *
 * <ul>
 *   <li>{@code /floor?loops=N&warmup=W}: the floor. Resolves the ObjectName patterns of the reads file once with
 *       {@code queryNames}, then reads the same attributes the catalog reads, one {@code getAttributes} call per
 *       MBean, straight from the platform MBeanServer, W + N times in a loop. Answers one line per measured loop:
 *       {@code <nanos> <bytes allocated by this thread> <beans> <values>}.</li>
 *   <li>{@code /floor-in-process?loops=N&warmup=W}: the in-process floor. The same MBeans, but those that Yammer's
 *       JmxReporter registers for Kafka's registry ({@code KafkaYammerMetrics.defaultRegistry()}) are read from their
 *       metric objects, with the calls the MBean getters make (one snapshot per timer or histogram), through
 *       method handles found once; the others with {@code getAttributes}. The same answer lines; {@code <beans>} is
 *       those read in process. What any exporter that reads Kafka's registry must at least pay.</li>
 *   <li>{@code /threads}: the JVM's CPU time ({@code process-cpu\t<nanos>}, garbage collection included), then
 *       per live thread {@code <id>\t<allocated bytes>\t<CPU nanos>\t<name>}, from
 *       {@code com.sun.management.ThreadMXBean}, to attribute allocation and CPU to the exporters' threads.</li>
 *   <li>{@code /retained}: an estimate of the heap retained by brokerwatch's agent, see {@link RetainedSize}.</li>
 * </ul>
 *
 * The reads file has one line per ObjectName pattern: {@code <pattern>\t<attribute>[\t<attribute>...]}.
 */
public final class ProbeAgent {
    public static final String THREAD_PREFIX = "bw-probe-";
    /** The first line of {@code /threads}: {@code process-cpu\t<CPU nanoseconds of the whole JVM>}. */
    public static final String PROCESS_CPU = "process-cpu";

    private static Instrumentation instrumentation;

    private ProbeAgent() {}

    /** Prefix of the arguments that make this jar load another agent in its own class loader. */
    public static final String ISOLATED = "isolated=";

    public static void premain(String args, Instrumentation inst) {
        if (args.startsWith(ISOLATED)) {
            isolated(args.substring(ISOLATED.length()), inst);
            return;
        }
        instrumentation = inst;
        try {
            String[] parts = args.split(":", 3);
            List<Read> reads = Read.load(Path.of(parts[2]));
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(parts[0]),
                    Integer.parseInt(parts[1])), 8);
            AtomicInteger threads = new AtomicInteger();
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, THREAD_PREFIX + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/floor", e -> handle(e, () -> floor(e.getRequestURI(), reads)));
            server.createContext("/floor-in-process", e -> handle(e, () -> InProcessFloor.measure(
                    e.getRequestURI(), beans(reads))));
            server.createContext("/threads", e -> handle(e, ProbeAgent::threads));
            server.createContext("/retained", e -> handle(e, () -> RetainedSize.ofBrokerwatchAgent(instrumentation)));
            Thread starter = new Thread(server::start, THREAD_PREFIX + "start");
            starter.setDaemon(true); // the dispatcher inherits it, so the probe never keeps the broker alive
            starter.start();
            starter.join();
        } catch (Exception | LinkageError e) {
            System.err.println("bw-probe: cannot start: " + e);
        }
    }

    /**
     * {@code isolated=<agent jar>|<its arguments>}: starts that agent's {@code Premain-Class} in a class loader of its
     * own (parent: the platform class loader), so that two copies of the stock jmx_prometheus_javaagent, whose
     * registry is static, can run in one JVM.
     */
    private static void isolated(String spec, Instrumentation inst) {
        int bar = spec.indexOf('|');
        Path jar = Path.of(spec.substring(0, bar));
        String agentArgs = spec.substring(bar + 1);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            String main = file.getManifest().getMainAttributes().getValue("Premain-Class");
            ClassLoader loader = new java.net.URLClassLoader("isolated-" + jar.getFileName(),
                    new java.net.URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> agent = Class.forName(main, true, loader);
            agent.getMethod("premain", String.class, Instrumentation.class).invoke(null, agentArgs, inst);
        } catch (Exception | LinkageError e) {
            System.err.println("bw-probe: cannot start " + jar + " isolated: " + e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    interface Body {
        String get() throws Exception;
    }

    private static void handle(HttpExchange exchange, Body body) throws IOException {
        byte[] bytes;
        int status = 200;
        try {
            bytes = body.get().getBytes(StandardCharsets.UTF_8);
        } catch (Exception | LinkageError e) {
            status = 500;
            bytes = e.toString().getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** One ObjectName pattern and the attributes read from every MBean it matches. */
    record Read(ObjectName pattern, String[] attributes) {
        static List<Read> load(Path file) throws Exception {
            List<Read> reads = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t");
                reads.add(new Read(new ObjectName(fields[0]), Arrays.copyOfRange(fields, 1, fields.length)));
            }
            return reads;
        }
    }

    private static String floor(URI uri, List<Read> reads) {
        Map<String, String> query = query(uri);
        int loops = Integer.parseInt(query.getOrDefault("loops", "100"));
        int warmup = Integer.parseInt(query.getOrDefault("warmup", "20"));
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<ObjectName, List<String>> beans = beans(reads);
        ObjectName[] names = beans.keySet().toArray(new ObjectName[0]);
        String[][] attributes = beans.values().stream().map(l -> l.toArray(new String[0])).toArray(String[][]::new);
        com.sun.management.ThreadMXBean threadBean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        StringBuilder out = new StringBuilder();
        long sink = 0;
        for (int i = 0; i < warmup + loops; i++) {
            long allocatedBefore = threadBean.getThreadAllocatedBytes(self);
            long start = System.nanoTime();
            long values = 0;
            for (int b = 0; b < names.length; b++) {
                try {
                    AttributeList list = server.getAttributes(names[b], attributes[b]);
                    values += list.size();
                    sink += list.isEmpty() ? 0 : System.identityHashCode(list.get(0));
                } catch (Exception e) {
                    // a vanished bean costs nothing here either
                }
            }
            long nanos = System.nanoTime() - start;
            long allocated = threadBean.getThreadAllocatedBytes(self) - allocatedBefore;
            if (i >= warmup) {
                out.append(nanos).append(' ').append(allocated).append(' ').append(names.length).append(' ')
                        .append(values).append('\n');
            }
        }
        if (sink == 42) {
            out.append("#\n"); // keeps the reads observable to the JIT
        }
        return out.toString();
    }

    /** The reads' patterns resolved once, as an exporter that caches names would: the union of attributes per MBean. */
    static Map<ObjectName, List<String>> beans(List<Read> reads) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<ObjectName, List<String>> beans = new LinkedHashMap<>();
        for (Read read : reads) {
            for (ObjectName name : server.queryNames(read.pattern(), null)) {
                List<String> attributes = beans.computeIfAbsent(name, n -> new ArrayList<>());
                for (String a : read.attributes()) {
                    if (!attributes.contains(a)) {
                        attributes.add(a);
                    }
                }
            }
        }
        return beans;
    }

    static Map<String, String> queryOf(URI uri) {
        return query(uri);
    }

    private static String threads() {
        com.sun.management.ThreadMXBean threadBean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threadBean.getAllThreadIds();
        long[] allocated = threadBean.getThreadAllocatedBytes(ids);
        ThreadInfo[] infos = threadBean.getThreadInfo(ids);
        StringBuilder out = new StringBuilder();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        out.append(PROCESS_CPU).append('\t').append(os.getProcessCpuTime()).append('\n');
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && allocated[i] >= 0) {
                out.append(ids[i]).append('\t').append(allocated[i]).append('\t')
                        .append(threadBean.getThreadCpuTime(ids[i])).append('\t').append(infos[i].getThreadName())
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return out;
    }
}
