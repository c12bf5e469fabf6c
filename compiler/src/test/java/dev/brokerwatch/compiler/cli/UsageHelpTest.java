package dev.brokerwatch.compiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's --help reads as written: each paragraph is one string that picocli wraps to the terminal, so no
 * sentence is broken where the source happened to break it, and lines meant to stand alone (examples, the output
 * directory table) stay whole at the default 80 columns and at 120.
 */
class UsageHelpTest {
    private static final int DEFAULT_WIDTH = 80;

    static Stream<Arguments> commandsAndWidths() {
        List<Arguments> out = new ArrayList<>();
        for (String command : commandNames()) {
            out.add(Arguments.of(command, DEFAULT_WIDTH));
            out.add(Arguments.of(command, 120));
        }
        return out.stream();
    }

    static List<String> commandNames() {
        List<String> names = new ArrayList<>();
        names.add("");
        names.addAll(new CommandLine(new BrokerwatchCommand()).getSubcommands().keySet());
        return names;
    }

    @ParameterizedTest(name = "brokerwatch {0} --help at {1} columns")
    @MethodSource("commandsAndWidths")
    void noUsageLineIsWiderThanTheTerminal(String command, int width) {
        for (String line : usage(command, width).split("\\R")) {
            assertThat(line.length()).as("line of 'brokerwatch %s --help' at %d columns:%n%s", command, width, line)
                    .isLessThanOrEqualTo(width);
        }
    }

    @ParameterizedTest(name = "brokerwatch {0} --help at {1} columns")
    @MethodSource("commandsAndWidths")
    void noSentenceIsLeftWithAShortLineBeforeItsContinuation(String command, int width) {
        String[] lines = usage(command, width).split("\\R");
        for (int k = 0; k + 1 < lines.length; k++) {
            String line = lines[k].stripTrailing();
            String next = lines[k + 1];
            boolean shortProse = !line.isBlank() && line.strip().length() < width / 3 && !line.matches(".*[.:;!?)]$");
            boolean continues = !next.isBlank() && indent(next) == indent(line)
                    && Character.isLowerCase(next.strip().charAt(0));
            assertThat(shortProse && continues)
                    .as("'brokerwatch %s --help' at %d columns breaks a sentence after a few words:%n%s%n%s",
                            command, width, line, next)
                    .isFalse();
            // picocli may break after a dot: "in ." then "bw files" (a full line, continued in lower case)
            boolean fullLine = line.length() > width - 12;
            boolean wordSplitAtADot = line.endsWith(" .") || line.endsWith(".") && fullLine && !next.isBlank()
                    && indent(next) == indent(line) && Character.isLowerCase(next.strip().charAt(0));
            assertThat(wordSplitAtADot)
                    .as("'brokerwatch %s --help' at %d columns splits a word like .bw at its dot; rephrase:%n%s%n%s",
                            command, width, line, next)
                    .isFalse();
        }
    }

    @ParameterizedTest(name = "brokerwatch {0}")
    @MethodSource("commandNames")
    void everyParagraphIsOneStringEndingItsSentence(String command) {
        for (String paragraph : paragraphs(spec(command))) {
            assertThat(paragraph).as("a paragraph of 'brokerwatch %s --help' has a hard line break; use %%n", command)
                    .doesNotContain("\n").doesNotContain("\r");
            if (paragraph.isBlank() || paragraph.contains("%n")) {
                continue;
            }
            assertThat(paragraph)
                    .as("'brokerwatch %s --help': a paragraph that stops mid-sentence is a hard-wrapped line; "
                            + "join it with the next into one string", command)
                    .matches("(?s).*[.:!?)]$");
        }
    }

    @ParameterizedTest(name = "brokerwatch {0}")
    @MethodSource("commandNames")
    void deliberateLinesStayWholeAtTheDefaultWidth(String command) {
        String rendered = usage(command, DEFAULT_WIDTH);
        for (String paragraph : paragraphs(spec(command))) {
            if (!paragraph.contains("%n")) {
                continue;
            }
            for (String line : String.format(paragraph).split("\\R")) {
                assertThat(rendered).as("'brokerwatch %s --help' at %d columns wraps a line meant to stand whole: %s",
                        command, DEFAULT_WIDTH, line).contains(line.stripTrailing());
            }
        }
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static CommandLine commandLine(String command, int width) {
        CommandLine root = new CommandLine(new BrokerwatchCommand());
        root.setUsageHelpWidth(width);
        root.setUsageHelpAutoWidth(false);
        return command.isEmpty() ? root : root.getSubcommands().get(command);
    }

    private static CommandSpec spec(String command) {
        return commandLine(command, DEFAULT_WIDTH).getCommandSpec();
    }

    private static String usage(String command, int width) {
        return commandLine(command, width).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** Every text of the command's help as written in the annotations: header, description, footer, options. */
    private static List<String> paragraphs(CommandSpec spec) {
        List<String> out = new ArrayList<>();
        out.addAll(List.of(spec.usageMessage().header()));
        out.addAll(List.of(spec.usageMessage().description()));
        out.addAll(List.of(spec.usageMessage().footer()));
        for (ArgSpec arg : spec.args()) {
            out.addAll(List.of(arg.description()));
        }
        return out;
    }
}
