package org.staffroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the feature modules apart (each uses only the others' root APIs, and there are no cycles) and writes
 * their documentation: a diagram of all modules, and a diagram and a canvas of each (target/spring-modulith-docs).
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(StaffroomApplication.class);
    static final Path DOCS = Path.of("target", "spring-modulith-docs");

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
                org.springframework.modulith.ApplicationModule declared =
                        info.getAnnotation(org.springframework.modulith.ApplicationModule.class);
                assertThat(declared).as(name + " declares @ApplicationModule").isNotNull();
                assertThat(declared.displayName()).as(name + " has a display name").isNotBlank();
            }
        }
    }

    @Test
    void documentsTheModules() throws Exception {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();
        assertThat(DOCS.resolve("components.puml")).content().contains("Shared").contains("Concerns");
        for (ApplicationModule module : MODULES) {
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml")).as("the diagram of " + module.getIdentifier())
                    .content().contains(module.getDisplayName());
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc")).as("the canvas of " + module.getIdentifier())
                    .isNotEmptyFile();
        }
    }
}
