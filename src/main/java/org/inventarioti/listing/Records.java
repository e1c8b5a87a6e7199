package org.inventarioti.listing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.AbstractSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records to rows and back, so a field is written once per layer: a row mapper that fills a
 * record's components from the columns of the same name in snake_case, and the named parameters
 * of a statement from a record's components. JSON ({@link JsonNode}) travels as text, for columns
 * read as {@code col::text} and written as {@code CAST(:col AS jsonb)}.
 */
public final class Records {

    private Records() {}

    /** NULL in a primitive component reads as 0 or false, as {@code ResultSet.getLong} and the like do. */
    public static <T> RowMapper<T> rowMapper(Class<T> type, JsonMapper json) {
        return new DataClassRowMapper<>(type) {
            @Override
            protected Object getColumnValue(ResultSet rs, int index, Class<?> paramType) throws SQLException {
                if (JsonNode.class.isAssignableFrom(paramType)) {
                    String text = rs.getString(index);
                    return text == null ? null : json.readTree(text);
                }
                Object value = super.getColumnValue(rs, index, paramType);
                if (value == null && paramType.isPrimitive()) {
                    return paramType == boolean.class ? Boolean.FALSE : (Object) 0;
                }
                return value;
            }
        };
    }

    /** The record's components as named parameters ({@code :numeroSerie}), plus {@code extra} ones. */
    public static SqlParameterSource params(Object record, JsonMapper json, Map<String, ?> extra) {
        SqlParameterSource components = new SimplePropertySqlParameterSource(record);
        return new AbstractSqlParameterSource() {
            @Override
            public boolean hasValue(String name) {
                return extra.containsKey(name) || components.hasValue(name);
            }

            @Override
            public Object getValue(String name) {
                Object value = extra.containsKey(name) ? extra.get(name) : components.getValue(name);
                return value instanceof JsonNode node ? json.writeValueAsString(node) : value;
            }
        };
    }
}
