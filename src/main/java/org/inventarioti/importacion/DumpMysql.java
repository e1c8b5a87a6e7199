package org.inventarioti.importacion;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A mysqldump / mariadb-dump file (plain or gzip), read without a MySQL server: the CREATE TABLE
 * statements give each table's columns, the (extended) INSERTs its rows. Opening reads the whole
 * file once to check it is a complete dump; every {@link #leer} streams it again.
 */
final class DumpMysql implements Origen {

    private static final List<String> STATEMENTS = List.of(
            "SET",
            "CREATE",
            "DROP",
            "INSERT",
            "REPLACE",
            "LOCK",
            "UNLOCK",
            "USE",
            "ALTER",
            "DELIMITER",
            "START",
            "COMMIT",
            "BEGIN");

    private final Path file;
    private final Map<String, List<Columna>> tables;
    /** Per table, the number of the statement that is its last INSERT: a read stops there. */
    private final Map<String, Long> lastInsert;

    private DumpMysql(Path file, Map<String, List<Columna>> tables, Map<String, Long> lastInsert) {
        this.file = file;
        this.tables = tables;
        this.lastInsert = lastInsert;
    }

    static DumpMysql abrir(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ImportacionRechazada("the dump " + file + " does not exist or is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new ImportacionRechazada("the dump " + file + " cannot be read (permissions)");
        }
        Map<String, List<Columna>> tables = new LinkedHashMap<>();
        Map<String, Long> lastInsert = new java.util.HashMap<>();
        try {
            scan(file, tables, lastInsert);
        } catch (IOException e) {
            throw new ImportacionRechazada("the dump " + file + " cannot be read: " + e.getMessage(), e);
        }
        return new DumpMysql(file, tables, lastInsert);
    }

    @Override
    public String describir() {
        return "dump " + file.getFileName();
    }

    @Override
    public Map<String, List<Columna>> tablas() {
        return tables;
    }

    @Override
    public void leer(String tabla, List<String> columnas, Fila fila) throws Exception {
        List<Columna> declared = tables.get(tabla);
        long last = lastInsert.getOrDefault(tabla, -1L);
        try (SqlReader reader = new SqlReader(file)) {
            SqlLexer lexer = reader.lexer;
            long number = 0;
            for (String keyword = statement(lexer); keyword != null && number <= last; keyword = statement(lexer)) {
                number++;
                if (keyword.equals("INSERT") || keyword.equals("REPLACE")) {
                    String table = insertTable(lexer);
                    if (table.equals(tabla)) {
                        rows(lexer, tabla, projection(lexer, declared, columnas), fila);
                        continue;
                    }
                }
                lexer.skipStatement();
            }
        } catch (EOFException e) {
            throw SqlLexer.truncated(e);
        }
    }

    @Override
    public void close() {}

    /** The next statement's first keyword (null at the end of the file), empty statements skipped. */
    private static String statement(SqlLexer lexer) throws IOException {
        while (true) {
            lexer.skipSpace();
            int c = lexer.peek();
            if (c == SqlLexer.EOF) {
                return null;
            }
            if (c == ';') {
                lexer.next();
                continue;
            }
            String word = lexer.word();
            if (word.isEmpty()) {
                lexer.next();
                if (lexer.peek() == SqlLexer.EOF) {
                    throw lexer.truncated("inside a statement");
                }
                throw new DumpException("line " + lexer.line() + ": unexpected '" + (char) c + "'");
            }
            return word;
        }
    }

    private static void scan(Path file, Map<String, List<Columna>> tables, Map<String, Long> lastInsert)
            throws IOException {
        try (SqlReader reader = new SqlReader(file)) {
            SqlLexer lexer = reader.lexer;
            lexer.skipSpace();
            if (lexer.peek() != SqlLexer.EOF && lexer.peek() != ';' && !Character.isLetter(lexer.peek())) {
                throw notADump(file, "it does not start with SQL statements");
            }
            long number = 0;
            for (String keyword = statement(lexer); keyword != null; keyword = statement(lexer)) {
                if (number == 0 && !STATEMENTS.contains(keyword)) {
                    throw notADump(file, "it does not start with SQL statements");
                }
                number++;
                if (keyword.equals("INSERT") || keyword.equals("REPLACE")) {
                    lastInsert.put(insertTable(lexer), number - 1);
                }
                if (keyword.equals("CREATE") && lexer.word().equals("TABLE")) {
                    String name = CreateTable.tableName(lexer);
                    if (tables.containsKey(name)) {
                        throw new DumpException("the dump creates table " + name + " twice (several databases?):"
                                + " dump only the Inventario-TI database");
                    }
                    tables.put(name, CreateTable.columns(lexer));
                }
                lexer.skipStatement();
            }
            String header = lexer.firstComment();
            boolean commented = header != null && header.strip().matches("(?i)(mysql|mariadb) dump.*");
            if (commented && !lexer.lastComment().strip().startsWith("Dump completed")) {
                throw new DumpException("the dump has no 'Dump completed' line at its end: it is truncated");
            }
            if (tables.isEmpty()) {
                throw notADump(file, "it has no CREATE TABLE statement");
            }
        } catch (EOFException e) {
            throw SqlLexer.truncated(e);
        }
    }

    private static DumpException notADump(Path file, String why) {
        return new DumpException(file.getFileName() + " is not a mysqldump/mariadb-dump file: " + why);
    }

    private static String insertTable(SqlLexer lexer) throws IOException {
        String word = lexer.word();
        while (word.equals("IGNORE") || word.equals("LOW_PRIORITY") || word.equals("DELAYED")) {
            word = lexer.word();
        }
        if (!word.equals("INTO")) {
            if (lexer.peek() == SqlLexer.EOF) {
                throw lexer.truncated("inside an INSERT");
            }
            throw new DumpException("line " + lexer.line() + ": INSERT without INTO");
        }
        return CreateTable.tableName(lexer);
    }

    /** For each requested column, its index in the INSERT's rows (the statement's list or CREATE TABLE's). */
    private static int[] projection(SqlLexer lexer, List<Columna> declared, List<String> wanted) throws IOException {
        List<String> order = new ArrayList<>();
        lexer.skipSpace();
        if (lexer.peek() == '(') {
            lexer.next();
            do {
                order.add(lexer.name().toLowerCase(Locale.ROOT));
                lexer.skipSpace();
            } while (lexer.next() == ',');
        } else if (declared != null) {
            declared.forEach(c -> order.add(c.nombre()));
        } else {
            throw new DumpException("line " + lexer.line() + ": an INSERT into a table the dump never creates");
        }
        String values = lexer.word();
        if (!values.equals("VALUES") && !values.equals("VALUE")) {
            throw new DumpException("line " + lexer.line() + ": INSERT without VALUES");
        }
        int[] indexes = new int[wanted.size() + 1];
        for (int i = 0; i < wanted.size(); i++) {
            indexes[i] = order.indexOf(wanted.get(i));
        }
        indexes[wanted.size()] = order.size();
        return indexes;
    }

    private static void rows(SqlLexer lexer, String table, int[] projection, Fila fila) throws Exception {
        int arity = projection[projection.length - 1];
        String[] row = new String[arity];
        while (true) {
            lexer.expect('(');
            for (int i = 0; i < arity; i++) {
                row[i] = lexer.value();
                lexer.skipSpace();
                int c = lexer.next();
                boolean last = i == arity - 1;
                if (c == SqlLexer.EOF) {
                    throw lexer.truncated("inside a row of " + table);
                }
                if (last ? c != ')' : c != ',') {
                    throw new DumpException("line " + lexer.line() + ": a row of " + table + " does not have the "
                            + arity + " values its columns need");
                }
            }
            String[] values = new String[projection.length - 1];
            for (int i = 0; i < values.length; i++) {
                values[i] = projection[i] < 0 ? null : row[projection[i]];
            }
            fila.aceptar(values);
            lexer.skipSpace();
            int c = lexer.next();
            if (c == ';') {
                return;
            }
            if (c == SqlLexer.EOF) {
                throw lexer.truncated("after a row of " + table);
            }
            if (c != ',') {
                throw new DumpException("line " + lexer.line() + ": unexpected '" + (char) c + "' between rows");
            }
        }
    }

    /** The file as characters: gzip recognised by its magic bytes, not by its name. */
    private static final class SqlReader implements AutoCloseable {
        private final InputStream input;
        private final SqlLexer lexer;

        SqlReader(Path file) throws IOException {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            raw.mark(4);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream plain = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            plain = new BufferedInputStream(plain, 1 << 16);
            plain.mark(1 << 16);
            byte[] head = plain.readNBytes(1 << 16);
            plain.reset();
            for (byte b : head) {
                if (b == 0) {
                    plain.close();
                    throw notADump(file, "it is a binary file");
                }
            }
            this.input = plain;
            this.lexer = new SqlLexer(new InputStreamReader(plain, StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws IOException {
            input.close();
        }
    }
}
