package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A refusal quotes what was sent, never a secret in it (found by EntradaHostilFuzzTest: a BitLocker key as the mode). */
class ImportacionRechazadaTest {

    private static final String CLAVE = "414883-103850-108108-847287-309736-634838-858701-474786";

    @Test
    void aSecretInARefusedValueIsNotQuotedBack() {
        assertThatThrownBy(() -> OpcionesArchivo.modo("notas " + CLAVE))
                .isInstanceOf(ImportacionRechazada.class)
                .hasMessageContaining("unknown mode")
                .hasMessageContaining(ImportacionRechazada.SECRETO)
                .message()
                .doesNotContain(CLAVE);
        assertThatThrownBy(() -> OpcionesArchivo.clave(CLAVE)).message().doesNotContain(CLAVE);
        assertThat(new ImportacionRechazada("unknown mode \"borrar\"").getMessage())
                .isEqualTo("unknown mode \"borrar\"");
    }
}
