package org.inventarioti.activos;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.inventarioti.errors.InvalidException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The original Inventario-TI's {@code precio_usd} on asset writes (deprecated): read as
 * {@code precio} with {@code moneda} USD, so scripts written against the original keep working.
 */
@ControllerAdvice(assignableTypes = ActivoController.class)
class PrecioUsdAlias extends RequestBodyAdviceAdapter {

    static final String CAMPO = "precio_usd";

    private final JsonMapper json;

    PrecioUsdAlias(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == ActivoRequest.class || targetType == ActivoPatch.class;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        byte[] body = input.getBody().readAllBytes();
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException e) {
            return message(input.getHeaders(), body);
        }
        if (!(tree instanceof ObjectNode object) || !object.has(CAMPO)) {
            return message(input.getHeaders(), body);
        }
        JsonNode precio = object.remove(CAMPO);
        if (object.has("precio") && !object.get("precio").equals(precio)) {
            throw InvalidException.of(CAMPO, "give precio (with moneda) or precio_usd, not both");
        }
        JsonNode moneda = object.get("moneda");
        if (moneda != null && !moneda.isNull() && !"USD".equals(moneda.asString()) && !precio.isNull()) {
            throw InvalidException.of(CAMPO, "is a price in USD, but moneda is " + moneda.asString());
        }
        object.set("precio", precio);
        if (!precio.isNull()) {
            object.put("moneda", "USD");
        }
        return message(input.getHeaders(), json.writeValueAsBytes(object));
    }

    private static HttpInputMessage message(HttpHeaders headers, byte[] body) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}
