package org.inventarioti.importacion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The parts of a dump's CREATE TABLE an import needs: the table's name and its columns in order. */
final class CreateTable {

    private CreateTable() {}

    /** {@code [IF NOT EXISTS] name} or {@code db.name}, lower-cased. */
    static String tableName(SqlLexer lexer) throws IOException {
        lexer.skipSpace();
        String name = lexer.peek() == '`' ? lexer.name() : lexer.word();
        if (name.equals("IF")) {
            lexer.word();
            lexer.word();
            name = lexer.name();
        }
        lexer.skipSpace();
        if (lexer.peek() == '.') {
            lexer.next();
            name = lexer.name();
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** Column definitions of a CREATE TABLE body; keys and constraints are skipped. */
    static List<Origen.Columna> columns(SqlLexer lexer) throws IOException {
        lexer.expect('(');
        List<Origen.Columna> columns = new ArrayList<>();
        while (true) {
            lexer.skipSpace();
            boolean column = lexer.peek() == '`';
            String name = column ? lexer.name() : lexer.word();
            String type = column ? lexer.word().toLowerCase(Locale.ROOT) : "";
            StringBuilder rest = new StringBuilder();
            int end = definitionRest(lexer, rest);
            if (column) {
                boolean json = rest.toString().toLowerCase(Locale.ROOT).contains("json_valid");
                columns.add(new Origen.Columna(name.toLowerCase(Locale.ROOT), json ? "json" : type));
            }
            if (end == ')') {
                return columns;
            }
        }
    }

    /** Reads to the definition's end: a ',' or the body's ')' at depth 0, which it returns. */
    private static int definitionRest(SqlLexer lexer, StringBuilder rest) throws IOException {
        int depth = 0;
        while (true) {
            lexer.skipSpace();
            int c = lexer.peek();
            switch (c) {
                case SqlLexer.EOF -> throw lexer.truncated("inside CREATE TABLE");
                case '\'', '"' -> lexer.string();
                case '`' -> rest.append(lexer.name());
                case '(' -> {
                    depth++;
                    rest.append((char) lexer.next());
                }
                case ')' -> {
                    lexer.next();
                    if (depth == 0) {
                        return ')';
                    }
                    depth--;
                    rest.append(')');
                }
                case ',' -> {
                    lexer.next();
                    if (depth == 0) {
                        return ',';
                    }
                }
                default -> rest.append((char) lexer.next());
            }
        }
    }
}
