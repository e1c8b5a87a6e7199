package org.inventarioti.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one merge patch and version reading the services share. */
class PatchesTest {

    record Cosa(String nombre, Integer cantidad, ObjectNode datos, Integer version) {}

    final JsonMapper json = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ObjectNode node(String text) {
        return (ObjectNode) json.readTree(text);
    }

    @Test
    void membersReplaceFieldsNullClearsThemAndNamedObjectsMergeKeyByKey() {
        Cosa antes = new Cosa(
                "a", 3, node("{\"ram\": \"8GB\", \"cpu\": \"i5\", \"red\": {\"mac\": \"x\", \"ip\": \"y\"}}"), 2);
        UnaryOperator<String> lower = k -> k.toLowerCase(java.util.Locale.ROOT);
        Cosa despues = Patches.apply(
                json,
                antes,
                node("{\"cantidad\": null, \"datos\": {\"RAM\": \"16GB\", \"cpu\": null, \"red\": {\"ip\": null}}}"),
                Map.of("datos", lower),
                Cosa.class);
        assertThat(despues.nombre()).isEqualTo("a");
        assertThat(despues.cantidad()).isNull();
        assertThat(despues.datos()).isEqualTo(node("{\"ram\": \"16GB\", \"red\": {\"mac\": \"x\"}}"));
        assertThat(antes.datos().get("ram").asString()).isEqualTo("8GB");

        Cosa reemplazada = Patches.apply(json, antes, node("{\"datos\": {\"RAM\": \"1\"}}"), Map.of(), Cosa.class);
        assertThat(reemplazada.datos()).isEqualTo(node("{\"RAM\": \"1\"}"));
    }

    @Test
    void wrongTypesAndUnknownFieldsAreMalformedNamingTheField() {
        Cosa antes = new Cosa("a", 3, null, 0);
        assertThatThrownBy(() -> Patches.apply(json, antes, node("{\"cantidad\": \"x\"}"), Map.of(), Cosa.class))
                .isInstanceOf(MalformedException.class)
                .hasMessage("Field 'cantidad' has the wrong type or format");
        assertThatThrownBy(() -> Patches.apply(json, antes, node("{\"color\": 1}"), Map.of(), Cosa.class))
                .isInstanceOf(MalformedException.class)
                .hasMessage("Unknown field 'color'");
    }

    @Test
    void theVersionOfAPatchIsAnIntegerOrAbsent() {
        assertThat(Patches.version(node("{\"version\": 4}"))).isEqualTo(4);
        assertThat(Patches.version(node("{\"version\": null}"))).isNull();
        assertThat(Patches.version(node("{}"))).isNull();
        assertThatThrownBy(() -> Patches.version(node("{\"version\": \"4\"}")))
                .isInstanceOf(MalformedException.class)
                .hasMessage("Field 'version' has the wrong type");
    }

    @Test
    void versionsComeFromTheBodyOrIfMatchAndMustAgree() {
        assertThat(Versions.required(3, null)).isEqualTo(3);
        assertThat(Versions.required(null, " \"5\" ")).isEqualTo(5);
        assertThat(Versions.required(5, "\"5\"")).isEqualTo(5);
        assertThatThrownBy(() -> Versions.required(null, null)).isInstanceOf(VersionRequiredException.class);
        assertThatThrownBy(() -> Versions.required(4, "\"5\"")).isInstanceOf(MalformedException.class);
        assertThatThrownBy(() -> Versions.ifMatch("W/\"5\"")).isInstanceOf(MalformedException.class);
        record R(int version) implements Versioned {}
        assertThat(Versions.atVersion("R", 1, 2, new R(2))).isEqualTo(new R(2));
        assertThatThrownBy(() -> Versions.atVersion("R", 1, 1, new R(2)))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.current()).isEqualTo(new R(2));
                    assertThat(e.currentVersion()).isEqualTo(2);
                    assertThat(e)
                            .hasMessageStartingWith("R 1 was changed by someone else (you sent version 1, it is at 2)");
                });
    }
}
