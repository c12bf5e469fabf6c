package dev.brokerwatch.compiler.audit.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The literals a pattern needs: only texts the regex itself would require, never more. */
class RequiredLiteralsTest {
    @Test
    void literalRunsOutsideGroupsAreRequired() {
        assertThat(RequiredLiterals.of("kafka.server<type=(.+), name=(.+)PerSec\\w*, topic=(.+)><>Count"))
                .as("'.' and '\\\\w' end a run; groups are skipped")
                .containsExactly("kafka", "server<type=", ", name=", "PerSec", ", topic=", "><>Count");
    }

    @Test
    void aQuantifierMakesTheLastCharacterOptional() {
        assertThat(RequiredLiterals.of("abc?d")).containsExactly("ab", "d");
        assertThat(RequiredLiterals.of("ab{0,1}c")).containsExactly("a", "c");
    }

    @Test
    void topLevelAlternationOrInlineFlagsGiveNoShortcut() {
        assertThat(RequiredLiterals.of("kafka.log<type=Log>|java.lang<type=Memory>")).isEmpty();
        assertThat(RequiredLiterals.of("(?i)kafka.server<type=x>")).isEmpty();
        assertThat(RequiredLiterals.of("\\Qkafka.server\\E")).isEmpty();
    }

    @Test
    void alternationInsideAGroupAndClassesAreSkipped() {
        assertThat(RequiredLiterals.of("kafka.log<type=(Log|Cleaner)>[^,]+<>Value"))
                .containsExactly("kafka", "log<type=", ">", "<>Value");
        assertThat(RequiredLiterals.of("a[]x]b")).as("a ']' first in a class is a member").containsExactly("a", "b");
    }
}
