package dev.brokerwatch.compiler.emit;

import dev.brokerwatch.dsl.ast.BwFile;
import dev.brokerwatch.dsl.ast.GroupDecl;
import dev.brokerwatch.dsl.compile.Pack;
import dev.brokerwatch.dsl.resolve.RuleFileNames;
import dev.brokerwatch.dsl.source.SourceFile;
import java.util.List;

/** Which source file declares what, and the stem that names the files emitted for it. */
final class SourceFiles {
    private SourceFiles() {
    }

    /** {@code alerts/kafka-broker.bw} gives {@code kafka-broker}. */
    static String stem(SourceFile file) {
        return RuleFileNames.stem(file);
    }

    /** The groups declared in one file, in source order. */
    static List<GroupDecl> groupsIn(Pack pack, BwFile file) {
        return pack.groups().stream().filter(g -> declaredIn(g, file)).toList();
    }

    /** The files that declare at least one group, in pack order. */
    static List<BwFile> withGroups(Pack pack) {
        return pack.files().stream().filter(f -> !groupsIn(pack, f).isEmpty()).toList();
    }

    private static boolean declaredIn(GroupDecl group, BwFile file) {
        SourceFile source = group.span().file();
        return source == file.source() || source.displayPath().equals(file.source().displayPath());
    }
}
