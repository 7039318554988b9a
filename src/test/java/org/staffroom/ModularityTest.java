package org.staffroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the feature modules apart (each uses only the others' root APIs, and there are no cycles) and writes
 * their documentation: a diagram of all modules, and a diagram and a canvas of each (docs/modules).
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(StaffroomApplication.class);
    static final Path DOCS = Path.of("target", "spring-modulith-docs");
    static final Path COMMITTED = Path.of("docs", "modules");

    @Test
    void featureModulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** Every package under org.staffroom is a module that says what it is called. */
    @Test
    void everyPackageIsADeclaredModule() throws Exception {
        try (var packages = Files.list(Path.of("src/main/java/org/staffroom"))) {
            for (Path dir : packages.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                assertThat(MODULES.getModuleByName(name)).as(name + " is a module").isPresent();
                Class<?> info = Class.forName("org.staffroom." + name + ".package-info");
                org.springframework.modulith.ApplicationModule declared = info
                        .getAnnotation(org.springframework.modulith.ApplicationModule.class);
                assertThat(declared).as(name + " declares @ApplicationModule").isNotNull();
                assertThat(declared.displayName()).as(name + " has a display name").isNotBlank();
            }
        }
    }

    /**
     * The diagrams and canvases in docs/modules are the ones the code makes now: a change that moves a class
     * between modules, or adds an event or a service to one, fails here until docs/modules is written again
     * ({@code ./mvnw test -Dtest=ModularityTest -Dstaffroom.docs.update=true}).
     */
    @Test
    void documentsTheModulesAsTheyAre() throws Exception {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();
        assertThat(DOCS.resolve("components.puml")).content().contains("Shared").contains("Concerns");
        for (ApplicationModule module : MODULES) {
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml"))
                    .as("the diagram of " + module.getIdentifier())
                    .content().contains(module.getDisplayName());
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc"))
                    .as("the canvas of " + module.getIdentifier())
                    .isNotEmptyFile();
        }
        List<Path> generated;
        try (var files = Files.list(DOCS)) {
            generated = files.sorted().toList();
        }
        if (Boolean.getBoolean("staffroom.docs.update")) {
            // files whose lines are the same, in another order, are left as they are: the diff shows what changed
            Files.createDirectories(COMMITTED);
            List<String> names = generated.stream().map(file -> file.getFileName().toString()).toList();
            try (var old = Files.list(COMMITTED)) {
                for (Path file : old.filter(file -> !names.contains(file.getFileName().toString())).toList()) {
                    Files.delete(file);
                }
            }
            for (Path file : generated) {
                Path committed = COMMITTED.resolve(file.getFileName());
                if (!Files.exists(committed) || !sameLines(committed, file)) {
                    Files.copy(file, committed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (var committed = Files.list(COMMITTED)) {
            assertThat(committed.map(file -> file.getFileName().toString()).sorted().toList())
                    .as("the files in docs/modules")
                    .isEqualTo(generated.stream().map(file -> file.getFileName().toString()).toList());
        }
        // the Documenter lists relations and events in no fixed order (the first of a list opens the table
        // cell), so the lines are compared as a set, without the cell's opening bar
        for (Path file : generated) {
            assertThat(lines(COMMITTED.resolve(file.getFileName())))
                    .as("docs/modules/" + file.getFileName()
                            + " (run this test with -Dstaffroom.docs.update=true to write it again)")
                    .containsExactlyInAnyOrderElementsOf(lines(file));
        }
    }

    static boolean sameLines(Path a, Path b) throws java.io.IOException {
        List<String> left = new java.util.ArrayList<>(lines(a));
        List<String> right = new java.util.ArrayList<>(lines(b));
        java.util.Collections.sort(left);
        java.util.Collections.sort(right);
        return left.equals(right);
    }

    static List<String> lines(Path file) throws java.io.IOException {
        return Files.readAllLines(file).stream().map(line -> line.startsWith("|* ") ? line.substring(1) : line)
                .toList();
    }
}
