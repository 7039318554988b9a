package org.staffroom;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the feature modules apart: each uses only the others' root APIs, and there are no cycles. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(StaffroomApplication.class);

    @Test
    void featureModulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void documentsTheModules() {
        new Documenter(MODULES).writeModulesAsPlantUml();
    }
}
