package dev.brokerwatch.dsl.diag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brokerwatch.dsl.compile.CompileResult;
import dev.brokerwatch.dsl.compile.Frontend;
import dev.brokerwatch.dsl.resolve.SourceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The registry of codes ({@link CheckCode}) is the one list: every code has a docs page and a firing and a
 * quiet case, the docs table is generated from it, the README's table names exactly its codes, and the
 * classes it names as raisers are the ones that raise each code. Nothing documents or tests a code the
 * registry does not have.
 */
class CheckRegistryTest {
    static final Path DOCS = Path.of("../docs/checks");
    static final Path CASES = Path.of("src/test/resources/checks");
    static final Path SOURCES = Path.of("src/main/java");
    /** The exporter checks of the audit live in the compiler; their golden cases are jmx_exporter configs (.yaml). */
    static final Path COMPILER_SOURCES = Path.of("../compiler/src/main/java");
    static final Path COMPILER_CASES = Path.of("../compiler/src/test/resources/checks");
    static final String BEGIN = "<!-- begin generated check table -->\n";
    static final String END = "<!-- end generated check table -->";

    @Test
    void codesAreWellFormedAndUnique() {
        for (CheckCode code : CheckCode.values()) {
            assertThat(code.code()).as("code of %s", code.name()).matches("[a-z]+/[a-z]+(-[a-z]+)*");
            assertThat(code.name()).as("constant name of %s", code.code())
                    .isEqualTo(code.code().toUpperCase(java.util.Locale.ROOT).replace('/', '_').replace('-', '_'));
            assertThat(code.summary()).as("summary of %s is one sentence-like line", code.code()).endsWith(".").doesNotContain("\n");
            assertThat(code.severities()).as("severities of %s", code.code()).isNotEmpty().doesNotHaveDuplicates();
        }
        assertThat(CheckCode.codes()).as("codes").doesNotHaveDuplicates();
    }

    @Test
    void everyCodeHasADocsPageTitledWithIt() throws IOException {
        for (CheckCode code : CheckCode.values()) {
            Path page = DOCS.resolve(code.code() + ".md");
            assertThat(page).as("docs page of %s (%s)", code.code(), code.docsPage()).exists();
            assertThat(Files.readAllLines(page).get(0)).as("first line of %s", page).isEqualTo("# `" + code.code() + "`");
            String severityLine = Files.readAllLines(page).stream().filter(l -> l.startsWith("Severity: ")).findFirst().orElse("");
            for (Severity severity : code.severities()) {
                assertThat(severityLine).as("the Severity line of %s names every severity the registry gives", page).contains(severity.label());
            }
        }
    }

    @Test
    void noDocsPageExistsForAnUnknownCode() throws IOException {
        assertThat(documentedCodes()).as("codes with a page under docs/checks/ that the registry lacks")
                .isSubsetOf(CheckCode.codes());
    }

    @Test
    void everyCodeHasAFiringAndAQuietCase() throws IOException {
        for (CheckCode code : CheckCode.values()) {
            Path folder = Files.isDirectory(CASES.resolve(code.code())) ? CASES.resolve(code.code()) : COMPILER_CASES.resolve(code.code());
            assertThat(folder).as("golden-case folder of %s", code.code()).isDirectory();
            try (Stream<Path> files = Files.list(folder)) {
                List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bw") || n.endsWith(".yaml")).toList();
                assertThat(names).as("cases of %s", code.code()).anyMatch(n -> n.startsWith("fires")).anyMatch(n -> n.startsWith("quiet"));
            }
        }
    }

    @Test
    void noGoldenCaseFolderExistsForAnUnknownCode() throws IOException {
        assertThat(caseCodes()).as("golden-case folders for codes the registry lacks").isSubsetOf(CheckCode.codes());
    }

    @Test
    void docsTableListsExactlyTheRegistryWithSeveritiesAndSummaries() throws IOException {
        Path readme = DOCS.resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("%s has the marker %s", readme, BEGIN.strip()).isNotNegative();
        assertThat(end).as("%s has the marker %s after the begin marker", readme, END).isGreaterThan(begin);
        String expected = text.substring(0, begin + BEGIN.length()) + table() + text.substring(end);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(readme, expected, StandardCharsets.UTF_8);
        }
        assertThat(text).as("the table in %s is generated from CheckCode: rerun with -Dgolden.update=true", readme).isEqualTo(expected);
    }

    @Test
    void readmeStaticChecksTableNamesExactlyTheRegistryCodes() throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## Static checks");
        assertThat(section).as("README.md has a Static checks section").isNotNegative();
        int next = readme.indexOf("\n## ", section + 1);
        Set<String> named = new TreeSet<>();
        for (String line : readme.substring(section, next < 0 ? readme.length() : next).split("\n")) {
            if (line.startsWith("| `")) {
                Matcher m = Pattern.compile("`([a-z]+/[a-z-]+)`").matcher(line.substring(0, line.indexOf('|', 1)));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).as("codes in the check table of README.md's Static checks section")
                .containsExactlyInAnyOrderElementsOf(CheckCode.codes());
    }

    @Test
    void raisingClassesExist() {
        for (CheckCode code : CheckCode.values()) {
            assertThat(code.raisedBy()).as("classes raising %s", code.code()).isNotEmpty();
            for (String name : code.raisedBy()) {
                String file = name.replace('.', '/') + ".java";
                assertThat(Files.exists(SOURCES.resolve(file)) || Files.exists(COMPILER_SOURCES.resolve(file)))
                        .as("source of %s, which raises %s, in rules-dsl or compiler", name, code.code()).isTrue();
            }
        }
    }

    /** A class that raises a code (directly, or through a constant it declares) must be named by the registry. */
    @Test
    void everyClassThatNamesACodeIsRegisteredAsItsRaiser() throws IOException {
        Pattern use = Pattern.compile("(?:static final CheckCode \\w+ = |Diagnostic\\.of\\()CheckCode\\.([A-Z_]+)\\b");
        List<String> unregistered = new ArrayList<>();
        for (Path root : List.of(SOURCES, COMPILER_SOURCES)) {
          try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String className = root.relativize(file).toString().replace('\\', '/').replace('/', '.').replaceAll("\\.java$", "");
                if (className.equals(CheckCode.class.getName())) {
                    continue;
                }
                Matcher m = use.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    CheckCode code = CheckCode.valueOf(m.group(1));
                    if (!code.raisedBy().contains(className)) {
                        unregistered.add(className + " raises " + code.code());
                    }
                }
            }
        }
        }
        assertThat(unregistered).as("codes raised by classes that CheckCode does not name as raisers").isEmpty();
    }

    @Test
    void everyGoldenProblemHasASeverityItsCodeIsRegisteredWith() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(CASES)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".bw") && !p.endsWith("prelude.bw")).sorted().toList()) {
                CompileResult result = Frontend.run(List.of(file.toString()), SourceLoader.fileSystem(), Map.of());
                result.diagnostics().stream().filter(d -> !d.check().severities().contains(d.severity()))
                        .forEach(d -> wrong.add(d.span().location() + " " + d.severity().label() + "[" + d.code() + "]"));
            }
        }
        assertThat(wrong).as("problems raised at a severity their code is not registered with").isEmpty();
    }

    static String table() {
        StringBuilder out = new StringBuilder("| code | severity | what |\n|---|---|---|\n");
        for (CheckCode code : CheckCode.values()) {
            out.append("| [`").append(code.code()).append("`](").append(code.code()).append(".md) | ")
                    .append(code.severityText()).append(" | ").append(code.summary()).append(" |\n");
        }
        return out.toString();
    }

    static Set<String> documentedCodes() throws IOException {
        try (Stream<Path> walk = Files.walk(DOCS)) {
            return walk.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("README.md"))
                    .map(p -> DOCS.relativize(p).toString().replace('\\', '/').replaceAll("\\.md$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static Set<String> caseCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(CASES)) {
            walk.filter(p -> p.toString().endsWith(".bw") && !p.getFileName().toString().equals("prelude.bw"))
                    .map(p -> CASES.relativize(p.getParent()).toString().replace('\\', '/'))
                    .forEach(codes::add);
        }
        if (Files.isDirectory(COMPILER_CASES)) {
            try (Stream<Path> walk = Files.walk(COMPILER_CASES)) {
                walk.filter(p -> p.toString().endsWith(".yaml"))
                        .map(p -> COMPILER_CASES.relativize(p.getParent()).toString().replace('\\', '/'))
                        .forEach(codes::add);
            }
        }
        return codes;
    }
}
