package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dump parser on hand-written, generated, cut and damaged input, and on the real mariadb-dump's output. */
class DumpMysqlTest {

    @TempDir
    Path dir;

    private static final String HEADER = "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n"
            + "/*!40101 SET NAMES utf8mb4 */;\n/*!40103 SET TIME_ZONE='+00:00' */;\n";
    private static final String TRAILER = "\n-- Dump completed on 2024-01-01 10:00:00\n";

    private List<String[]> rows(Path file, String table, String... columns) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (DumpMysql dump = DumpMysql.abrir(file)) {
            dump.leer(table, List.of(columns), values -> rows.add(values.clone()));
        }
        return rows;
    }

    private Path write(String name, String sql) throws Exception {
        return Files.writeString(dir.resolve(name), sql, StandardCharsets.UTF_8);
    }

    @Test
    void readsMysqlLiteralsEscapesAndLayouts() throws Exception {
        Path file = write("a.sql", HEADER + """
                DROP TABLE IF EXISTS `t`;
                /*!40101 SET @saved_cs_client = @@character_set_client */;
                CREATE TABLE IF NOT EXISTS `t` (
                  `id` int(11) NOT NULL AUTO_INCREMENT,
                  `s` varchar(20) DEFAULT 'a,b (c)' COMMENT 'x; y',
                  `e` enum('uno','dos, tres') DEFAULT NULL,
                  `j` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`j`)),
                  `weird name` text,
                  PRIMARY KEY (`id`),
                  KEY `k` (`s`(10))
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
                LOCK TABLES `t` WRITE;
                /*!40000 ALTER TABLE `t` DISABLE KEYS */;
                INSERT INTO `t` VALUES (1,'it\\'s \\"q\\" \\\\ back\\nline\\ttab\\0nul\\Zz\\%_','uno','{\\"a\\": [1, 2]}',NULL),
                (2,'doubled '' quote',NULL,0x7B7D,X'C3B1'),
                (3,_binary 'bin;ary',"dos, tres",_utf8mb4'ñandú',b'101'),
                (-4,'',NULL,NULL,'multi
                line'); -- the end of the statement
                INSERT INTO `t` (`weird name`, `id`) VALUES ('named columns',5);
                /*!40000 ALTER TABLE `t` ENABLE KEYS */;
                UNLOCK TABLES;
                """ + TRAILER);
        try (DumpMysql dump = DumpMysql.abrir(file)) {
            assertThat(dump.tablas().get("t"))
                    .extracting(Origen.Columna::nombre, Origen.Columna::tipo)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("id", "int"),
                            org.assertj.core.groups.Tuple.tuple("s", "varchar"),
                            org.assertj.core.groups.Tuple.tuple("e", "enum"),
                            org.assertj.core.groups.Tuple.tuple("j", "json"),
                            org.assertj.core.groups.Tuple.tuple("weird name", "text"));
        }
        List<String[]> rows = rows(file, "t", "id", "s", "e", "j", "weird name", "absent");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0))
                .containsExactly(
                        "1", "it's \"q\" \\ back\nline\ttab\0nul\u001Az\\%_", "uno", "{\"a\": [1, 2]}", null, null);
        assertThat(rows.get(1)).containsExactly("2", "doubled ' quote", null, "{}", "ñ", null);
        assertThat(rows.get(2)).containsExactly("3", "bin;ary", "dos, tres", "ñandú", "5", null);
        assertThat(rows.get(3)).containsExactly("-4", "", null, null, "multi\nline", null);
        assertThat(rows.get(4)).containsExactly("5", null, null, null, "named columns", null);
    }

    @Test
    void generatedValuesSurviveTheRoundTripThroughMysqlEscaping() throws Exception {
        Random random = new Random(11);
        List<String> values = new ArrayList<>();
        StringBuilder sql =
                new StringBuilder(HEADER + "CREATE TABLE `g` (`id` int, `v` text);\nINSERT INTO `g` VALUES ");
        for (int i = 0; i < 500; i++) {
            String value = random.nextInt(10) == 0 ? null : randomText(random);
            values.add(value);
            sql.append(i == 0 ? "" : ",")
                    .append(random.nextBoolean() ? "\n" : "")
                    .append('(')
                    .append(i)
                    .append(',')
                    .append(value == null ? "NULL" : "'" + escape(value) + "'")
                    .append(')');
        }
        sql.append(";\n").append(TRAILER);
        Path file = write("g.sql", sql.toString());
        List<String[]> rows = rows(file, "g", "id", "v");
        assertThat(rows).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            assertThat(rows.get(i)[1]).as("row " + i).isEqualTo(values.get(i));
        }
    }

    @Test
    void everyPrefixOfADumpIsReadOrRefusedAsTruncatedNeverSomethingElse() throws Exception {
        String sql = HEADER + "CREATE TABLE `t` (`id` int, `s` text, PRIMARY KEY (`id`));\n"
                + "INSERT INTO `t` VALUES (1,'a\\'b;c'),(2,NULL),\n(3,0x41);\n" + TRAILER;
        byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
        int accepted = 0;
        for (int cut = 0; cut < bytes.length; cut++) {
            Path file = Files.write(dir.resolve("p.sql"), Arrays.copyOf(bytes, cut));
            try {
                rows(file, "t", "id", "s");
                accepted++;
            } catch (ImportacionRechazada e) {
                assertThat(e.getMessage()).as("cut at " + cut).containsAnyOf("truncated", "not a mysqldump");
            }
        }
        assertThat(accepted)
                .as("only cuts inside the final comment lose nothing")
                .isLessThan(40);
        assertThat(rows(write("whole.sql", sql), "t", "id", "s")).hasSize(3);
    }

    @Test
    void damagedDumpsAreRefusedWithADumpErrorNeverAnotherFailure() throws Exception {
        String sql = HEADER + "CREATE TABLE `t` (`id` int, `s` text);\n"
                + "INSERT INTO `t` VALUES (1,'uno'),(2,'dos'),(3,'tres');\n" + TRAILER;
        Random random = new Random(5);
        String alphabet = "'\"`(),;\\/*-# \nX0";
        for (int i = 0; i < 400; i++) {
            char[] chars = sql.toCharArray();
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            Path file = write("m.sql", new String(chars));
            try {
                rows(file, "t", "id", "s");
            } catch (ImportacionRechazada e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThatThrownBy(() -> rows(
                        write(
                                "arity.sql",
                                HEADER + "CREATE TABLE `t` (`id` int, `s` text);\n"
                                        + "INSERT INTO `t` VALUES (1,'a','extra');\n" + TRAILER),
                        "t",
                        "id"))
                .isInstanceOf(DumpException.class)
                .hasMessageContaining("does not have the 2 values");
    }

    @Test
    void theRealMariadbDumpOfGeneratedTextsReadsBackAsTheServerHasThem() throws Exception {
        try (LegacyMariaDb db = LegacyMariaDb.create()) {
            db.execute("CREATE TABLE r (id INT PRIMARY KEY, v LONGTEXT, b VARBINARY(40), d DATETIME, n DECIMAL(10,2))");
            Random random = new Random(3);
            try (Connection c = db.connect();
                    var insert = c.prepareStatement("INSERT INTO r VALUES (?, ?, ?, '2024-02-29 23:59:58', ?)")) {
                for (int i = 0; i < 300; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, i % 17 == 0 ? null : randomText(random));
                    insert.setBytes(3, ("b" + i + "'\\").getBytes(StandardCharsets.UTF_8));
                    insert.setBigDecimal(4, java.math.BigDecimal.valueOf(random.nextInt(100000), 2));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            List<String[]> expected = new ArrayList<>();
            try (Connection c = db.connect();
                    var rs = c.createStatement().executeQuery("SELECT id, v, b, d, n FROM r ORDER BY id")) {
                while (rs.next()) {
                    expected.add(new String[] {
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
                    });
                }
            }
            for (String[] options : List.of(new String[0], new String[] {"--hex-blob", "--skip-extended-insert"})) {
                Path dump = db.dump(dir, options);
                List<String[]> rows = rows(dump, "r", "id", "v", "b", "d", "n");
                assertThat(rows).hasSameSizeAs(expected);
                for (int i = 0; i < rows.size(); i++) {
                    assertThat(rows.get(i))
                            .as("row " + i + " " + Arrays.toString(options))
                            .containsExactly(expected.get(i));
                }
            }
        }
    }

    static String randomText(Random random) {
        String[] special = {
            "'", "\"", "\\", "\n", "\r", "\t", "\0", "\u001A", "%", "_", "`", ";", ",", "(", ")", "ñ", "é", "€", "😀",
            " ", "*/", "--", "/*!"
        };
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.append(
                    random.nextInt(3) == 0
                            ? special[random.nextInt(special.length)]
                            : String.valueOf((char) ('a' + random.nextInt(26))));
        }
        return text.toString();
    }

    /** What mysql_real_escape_string does (mysqldump's escaping). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\0' -> out.append("\\0");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\u001A' -> out.append("\\Z");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
