package org.inventarioti.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.inventarioti.errors.Checks;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON input is taken as typed: a number is not a text, a text is not a number or a boolean, a
 * fraction ({@code 1.5}, {@code 1e0}) is not an integer; decimals are read exactly (so
 * {@code 1e-400} is not 0, in a PATCH as in a POST); a date is {@code YYYY-MM-DD} between
 * 1900-01-01 and 2199-12-31.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        config -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .addModule(
                        new SimpleModule("fechas-plausibles").addDeserializer(LocalDate.class, new FechaPlausible()));
    }

    /** {@code YYYY-MM-DD} in the plausible range; anything else is a wrong value (400, the value not echoed). */
    static final class FechaPlausible extends StdDeserializer<LocalDate> {
        FechaPlausible() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString().trim();
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(text, LocalDate.class, "not a date (YYYY-MM-DD)");
            }
            if (!Checks.fechaPlausible(date)) {
                throw ctxt.weirdStringException(text, LocalDate.class, "outside 1900-01-01 … 2199-12-31");
            }
            return date;
        }
    }
}
