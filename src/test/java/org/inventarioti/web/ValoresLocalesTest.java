package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ValoresLocalesTest {

    static final Locale ES = Locale.forLanguageTag("es");
    static final Locale EN = Locale.ENGLISH;

    static BigDecimal n(String texto, Locale locale) {
        return ValoresLocales.numero(texto, locale).orElse(null);
    }

    @Test
    void numbersAreReadAsEachLanguageWritesThem() {
        assertThat(n("85,50", ES)).isEqualByComparingTo("85.50");
        assertThat(n("85.50", ES)).isEqualByComparingTo("85.50");
        assertThat(n("1.285,50", ES)).isEqualByComparingTo("1285.50");
        assertThat(n("1.200", ES)).isEqualByComparingTo("1200");
        assertThat(n("1 200,5", ES)).isEqualByComparingTo("1200.5");
        assertThat(n("1.234.567", ES)).isEqualByComparingTo("1234567");
        assertThat(n("-3", ES)).isEqualByComparingTo("-3");
        assertThat(n("1,285.50", EN)).isEqualByComparingTo("1285.50");
        assertThat(n("1,200", EN)).isEqualByComparingTo("1200");
        assertThat(n("1.200", EN)).isEqualByComparingTo("1.2");
        assertThat(n("1,5", EN)).isEqualByComparingTo("1.5");
    }

    @Test
    void whatIsNotANumberIsRefused() {
        for (String malo : new String[] {"mucho", "85,5x", "1.2,5", "1,2,3.4", "12.34.5", "--1", "1e5", ",", ""}) {
            assertThat(ValoresLocales.numero(malo, ES)).as(malo).isEmpty();
        }
        assertThat(ValoresLocales.numero((String) null, ES)).isEmpty();
    }

    @Test
    void numbersAreShownWithTheLanguagesDecimalMark() {
        assertThat(ValoresLocales.numero(new BigDecimal("1285.50"), ES)).isEqualTo("1285,50");
        assertThat(ValoresLocales.numero(new BigDecimal("1285.50"), EN)).isEqualTo("1285.50");
        assertThat(ValoresLocales.numero((BigDecimal) null, ES)).isEmpty();
    }

    @Test
    void datesAreReadInIsoOrInTheLanguagesOrder() {
        LocalDate fecha = LocalDate.of(2031, 2, 3);
        assertThat(ValoresLocales.fecha("2031-02-03", ES)).contains(fecha);
        assertThat(ValoresLocales.fecha("03/02/2031", ES)).contains(fecha);
        assertThat(ValoresLocales.fecha("3/2/2031", ES)).contains(fecha);
        assertThat(ValoresLocales.fecha("2/3/2031", EN)).contains(fecha);
        assertThat(ValoresLocales.fecha("2031-02-03", EN)).contains(fecha);
        assertThat(ValoresLocales.fecha("31/02/2031", ES)).isEmpty();
        assertThat(ValoresLocales.fecha("ayer", ES)).isEmpty();
        assertThat(ValoresLocales.fecha("2024-13-45", ES)).isEmpty();
    }

    @Test
    void aDateOutsideTheInventorysRangeIsNotADate() {
        assertThat(ValoresLocales.fecha("1900-01-01", ES)).contains(LocalDate.of(1900, 1, 1));
        assertThat(ValoresLocales.fecha("31/12/2199", ES)).contains(LocalDate.of(2199, 12, 31));
        for (String implausible : new String[] {"31/12/1899", "01/01/2200", "0001-01-01", "1/1/99999"}) {
            assertThat(ValoresLocales.fecha(implausible, ES)).as(implausible).isEmpty();
        }
        assertThat(ValoresLocales.fecha("12/31/1899", EN)).isEmpty();
    }
}
