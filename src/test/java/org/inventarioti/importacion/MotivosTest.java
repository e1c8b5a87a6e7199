package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The preview groups refusals by reason: a reason must not depend on the row's values or the database's names. */
class MotivosTest {

    @Test
    void anUnknownCategoryGroupsWhateverTheKnownCategoriesAreCalled() {
        String plain = PasadaArchivo.generico("unknown category \"Tostadora\" (categories: Laptop, Monitor)");
        String hostile = PasadaArchivo.generico(
                "unknown category \"Nevera\" (categories: \"x\" </script>, <script>alert(1)</script>, Laptop (old))");
        assertThat(plain).isEqualTo("unknown category \"…\"");
        assertThat(hostile).isEqualTo(plain);
    }

    @Test
    void rowNumbersAndQuotedValuesAreDropped() {
        assertThat(PasadaArchivo.generico("duplicate serial number: row 12 of the file has it too"))
                .isEqualTo("duplicate serial number: row … of the file has it too");
    }
}
