package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.UncategorizedDataAccessException;

/** Database refusals: data exceptions are the client's 400/422, only integrity constraints a 409. */
class ProblemSqlStateTest {

    @ParameterizedTest
    @CsvSource({
        "22021, 400", // character not in repertoire (NUL in text)
        "22P05, 400", // untranslatable character (\\u0000 in jsonb)
        "22P02, 400", // invalid text representation (forged cursor value)
        "22007, 400", // invalid datetime format
        "22001, 422", // string too long
        "22003, 422", // numeric value out of range
        "22008, 422", // datetime field overflow
        "23505, 409", // unique violation
        "23503, 409", // foreign key violation
        "23514, 409", // check violation
    })
    void aDataExceptionIsTheClientsAndAConstraintAConflict(String state, int status) {
        var e = new DataIntegrityViolationException("x", new SQLException("secret value here", state));
        Problem problem = Problem.of(e).orElseThrow();
        assertThat(problem.getStatusCode().value()).isEqualTo(status);
        assertThat(problem.getBody().getDetail()).doesNotContain("secret value");
    }

    @ParameterizedTest
    @CsvSource({"42P01", "08006", "57014", "XX000"})
    void anythingElseIsTheServers(String state) {
        var e = new UncategorizedDataAccessException("x", new SQLException("boom", state)) {};
        assertThat(Problem.of(e)).isEmpty();
    }
}
