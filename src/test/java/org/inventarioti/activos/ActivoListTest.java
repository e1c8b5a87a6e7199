package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Filters, free text, spec filters, sorts and both kinds of paging, on assets of one unique area. */
@InventarioTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivoListTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    Api lector;
    String area;
    String token;
    long laptop;
    long switchId;

    @BeforeAll
    void assets() {
        Api tecnico = new Api(mvc, users.create(Rol.TECNICO));
        lector = new Api(mvc, users.create(Rol.LECTOR));
        area = Api.unique("Area");
        token = Api.unique("zq").toLowerCase();
        laptop = Activos.categoria(jdbc, "Laptop");
        switchId = Activos.categoria(jdbc, "Switch");
        crear(tecnico, laptop, "Bravo", "Activo", "enabled", "Luis", "Dell", "2023-01-10", "2025-01-10", "16GB", "");
        crear(tecnico, laptop, "alfa", "En almacén", "disabled", "Ana", "HP", "2024-06-01", "2027-06-01", "32GB", "");
        crear(tecnico, laptop, "Charlie", "Activo", "unknown", "ana", "Dell", null, null, "16GB", token);
        crear(tecnico, laptop, "delta", "En reparación", "enabled", null, null, "2022-02-02", "2024-02-02", "8GB", "");
        String sw = """
                {"categoria_id": %d, "nombre": "Echo switch", "numero_serie": "%s", "area": "%s",
                 "especificaciones": {"numero_puertos": 48, "administrable": true, "red": {"vlan": "10"}}}""".formatted(switchId, Api.unique("SW"), area);
        assertThat(tecnico.post("/api/activos", sw)).hasStatus(201);
    }

    private void crear(
            Api api,
            long categoria,
            String nombre,
            String estado,
            String bitlocker,
            String responsable,
            String proveedor,
            String compra,
            String garantia,
            String ram,
            String notas) {
        String body = """
                {"categoria_id": %d, "nombre": "%s", "numero_serie": "%s", "area": "%s", "estado": "%s",
                 "bitlocker": "%s", "responsable": %s, "proveedor": %s, "fecha_compra": %s, "garantia_hasta": %s,
                 "notas": "%s", "especificaciones": {"cpu": "i5", "ram": "%s"}}""".formatted(
                        categoria,
                        nombre,
                        Api.unique("L"),
                        area,
                        estado,
                        bitlocker,
                        quoted(responsable),
                        quoted(proveedor),
                        quoted(compra),
                        quoted(garantia),
                        notas,
                        ram);
        assertThat(api.post("/api/activos", body)).hasStatus(201);
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private List<String> nombres(String query) {
        MvcTestResult result = lector.get("/api/activos?area=" + area + (query.isEmpty() ? "" : "&" + query));
        assertThat(result).as(query).hasStatusOk();
        return Api.read(result, "$.items[*].nombre");
    }

    @Test
    void theEnvelopeCarriesTotalPageSizeAndCursor() {
        MvcTestResult result = lector.get("/api/activos?area=" + area.toUpperCase() + "&size=2");
        assertThat(result).hasStatusOk();
        assertThat((Integer) Api.read(result, "$.total")).isEqualTo(5);
        assertThat((Integer) Api.read(result, "$.page")).isEqualTo(1);
        assertThat((Integer) Api.read(result, "$.size")).isEqualTo(2);
        assertThat((String) Api.read(result, "$.next_after")).isNotBlank();
        assertThat((List<?>) Api.read(result, "$.items")).hasSize(2);
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(nombres("estado=Activo")).containsExactlyInAnyOrder("Bravo", "Charlie", "Echo switch");
        assertThat(nombres("estado=Activo&estado=En almacén")).hasSize(4);
        assertThat(nombres("bitlocker=enabled")).containsExactlyInAnyOrder("Bravo", "delta");
        assertThat(nombres("responsable=ANA")).containsExactlyInAnyOrder("alfa", "Charlie");
        assertThat(nombres("proveedor=dell")).containsExactlyInAnyOrder("Bravo", "Charlie");
        assertThat(nombres("categoria_id=" + switchId)).containsExactly("Echo switch");
        assertThat(nombres("categoria_id=" + switchId + "&categoria_id=" + laptop))
                .hasSize(5);
        assertThat(nombres("fecha_compra_desde=2023-01-01&fecha_compra_hasta=2024-12-31"))
                .containsExactlyInAnyOrder("Bravo", "alfa");
        assertThat(nombres("fecha_compra_hasta=2022-12-31")).containsExactly("delta");
        assertThat(nombres("garantia_vence_antes=2025-06-01")).containsExactlyInAnyOrder("Bravo", "delta");
        assertThat(nombres("garantia_vence_desde=2025-01-01&garantia_vence_antes=2025-06-01"))
                .containsExactly("Bravo");
    }

    @Test
    void freeTextSearchesNameNotesAndCodes() {
        assertThat(nombres("q=" + token.toUpperCase())).containsExactly("Charlie");
        assertThat(nombres("q=harli")).containsExactly("Charlie");
        assertThat(nombres("q=nothing-like-this")).isEmpty();
        String codigo = jdbc.sql("SELECT codigo FROM activos WHERE area = ? AND nombre = 'delta'")
                .param(area)
                .query(String.class)
                .single();
        assertThat(nombres("q=" + codigo.toLowerCase())).containsExactly("delta");
    }

    @Test
    void specFiltersUseContainmentWithTypedValues() {
        assertThat(nombres("spec.ram=16GB")).containsExactlyInAnyOrder("Bravo", "Charlie");
        assertThat(nombres("spec.RAM=16GB&spec.cpu=i5")).containsExactlyInAnyOrder("Bravo", "Charlie");
        assertThat(nombres("spec.ram=16GB&spec.ram=8GB")).containsExactlyInAnyOrder("Bravo", "Charlie", "delta");
        assertThat(nombres("spec.numero_puertos=48")).containsExactly("Echo switch");
        assertThat(nombres("spec.numeroPuertos=48&spec.administrable=true")).containsExactly("Echo switch");
        assertThat(nombres("spec.red.vlan=10")).containsExactly("Echo switch");
        assertThat(nombres("spec.ram=64GB")).isEmpty();
    }

    @Test
    void sortsByEveryListedColumnBothWays() {
        assertThat(nombres("sort=nombre")).containsExactly("alfa", "Bravo", "Charlie", "delta", "Echo switch");
        assertThat(nombres("sort=nombre,desc")).containsExactly("Echo switch", "delta", "Charlie", "Bravo", "alfa");
        assertThat(nombres("sort=fecha_compra,desc").subList(0, 2)).containsExactly("alfa", "Bravo");
        for (String column : ActivoConsulta.SORTS.names()) {
            for (String direction : List.of("asc", "desc")) {
                assertThat(nombres("sort=" + column + "," + direction))
                        .as(column)
                        .hasSize(5);
            }
        }
    }

    @Test
    void keysetPagesWalkTheWholeListInOrderForEverySort() {
        for (String column : ActivoConsulta.SORTS.names()) {
            for (String direction : List.of("asc", "desc")) {
                String sort = column + "," + direction;
                List<String> all = nombres("sort=" + sort);
                List<String> walked = new ArrayList<>();
                String after = null;
                do {
                    MvcTestResult page = lector.get("/api/activos?area=" + area + "&size=2&sort=" + sort
                            + (after == null ? "" : "&after=" + after));
                    assertThat(page).hasStatusOk();
                    walked.addAll(Api.read(page, "$.items[*].nombre"));
                    assertThat((Integer) Api.read(page, "$.total")).isEqualTo(5);
                    after = Api.read(page, "$.next_after");
                } while (after != null);
                assertThat(walked).as(sort).isEqualTo(all);
            }
        }
    }

    @Test
    void pageNumbersAndCursorsAgree() {
        MvcTestResult first = lector.get("/api/activos?area=" + area + "&size=2&sort=nombre");
        String after = Api.read(first, "$.next_after");
        MvcTestResult viaCursor = lector.get("/api/activos?area=" + area + "&size=2&sort=nombre&after=" + after);
        MvcTestResult viaPage = lector.get("/api/activos?area=" + area + "&size=2&sort=nombre&page=2");
        assertThat((List<String>) Api.read(viaCursor, "$.items[*].id")).isEqualTo(Api.read(viaPage, "$.items[*].id"));
        assertThat((Object) Api.read(viaCursor, "$.page")).isNull();
        assertThat(lector.get("/api/activos?area=" + area + "&size=2&sort=codigo&after=" + after))
                .hasStatus(400);
        MvcTestResult beyond = lector.get("/api/activos?area=" + area + "&page=9");
        assertThat((List<?>) Api.read(beyond, "$.items")).isEmpty();
        assertThat((Integer) Api.read(beyond, "$.total")).isEqualTo(5);
    }
}
