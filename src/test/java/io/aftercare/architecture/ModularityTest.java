package io.aftercare.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import io.aftercare.AftercareApplication;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(AftercareApplication.class);

    @Test
    void modulesHaveNoCyclesAndReachOnlyIntoEachOthersApi() {
        modules.verify();
    }

    @Test
    void foundationModulesExist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
            .contains("directory", "incidents", "identity", "web");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
            .writeDocumentation();
        assertThat(new java.io.File("target/modulith-docs/components.puml")).exists();
    }
}
