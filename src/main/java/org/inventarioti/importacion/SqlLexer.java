package org.inventarioti.importacion;

import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Characters of a mysqldump / mariadb-dump file: comments, quoted names, string literals with
 * MySQL's backslash escapes, hex and bit literals, bare words. Reads through its own buffer (a
 * dump's extended INSERTs are megabytes long) and never holds more than one value.
 */
final class SqlLexer {

    static final int EOF = -1;

    private final Reader reader;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder text = new StringBuilder(256);
    private int position;
    private int limit;
    private long line = 1;
    private String lastComment = "";
    private String firstComment;

    SqlLexer(Reader reader) {
        this.reader = reader;
    }

    int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    int next() throws IOException {
        int c = peek();
        if (c != EOF) {
            position++;
            if (c == '\n') {
                line++;
            }
        }
        return c;
    }

    long line() {
        return line;
    }

    /** The text of the last {@code -- …} line comment skipped. */
    String lastComment() {
        return lastComment;
    }

    /** The text of the first line comment of the file (a dump's header), or null. */
    String firstComment() {
        return firstComment;
    }

    private boolean fill() throws IOException {
        int read = reader.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    /** Skips white space and comments ({@code -- }, {@code #}, and {@code /* … *}{@code /}, conditional ones included). */
    void skipSpace() throws IOException {
        while (true) {
            int c = peek();
            if (c == EOF) {
                return;
            }
            if (Character.isWhitespace(c)) {
                next();
            } else if (c == '#') {
                lineComment();
            } else if (c == '-' && ahead(1) == '-' && (ahead(2) == EOF || Character.isWhitespace(ahead(2)))) {
                lineComment();
            } else if (c == '/' && lookingAt("/*")) {
                blockComment();
            } else {
                return;
            }
        }
    }

    /** The character {@code offset} places ahead (0: the next one), or EOF. */
    private int ahead(int offset) throws IOException {
        if (!lookingAt("x".repeat(offset + 1), false)) {
            return EOF;
        }
        return buffer[position + offset];
    }

    private boolean lookingAt(String prefix) throws IOException {
        return lookingAt(prefix, true);
    }

    /** Whether the input continues with {@code prefix} (or, unless {@code compare}, has as many characters). */
    private boolean lookingAt(String prefix, boolean compare) throws IOException {
        if (limit - position < prefix.length()) {
            int remaining = limit - position;
            System.arraycopy(buffer, position, buffer, 0, remaining);
            position = 0;
            limit = remaining;
            int read;
            while (limit < prefix.length() && (read = reader.read(buffer, limit, buffer.length - limit)) > 0) {
                limit += read;
            }
            if (limit < prefix.length()) {
                return false;
            }
        }
        if (!compare) {
            return true;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buffer[position + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void lineComment() throws IOException {
        text.setLength(0);
        int c;
        while ((c = next()) != EOF && c != '\n') {
            if (text.length() < 200) {
                text.append((char) c);
            }
        }
        lastComment = text.toString().replaceFirst("^(--|#)\\s*", "");
        if (firstComment == null) {
            firstComment = lastComment;
        }
    }

    private void blockComment() throws IOException {
        next();
        next();
        int previous = 0;
        int c;
        while ((c = next()) != EOF) {
            if (previous == '*' && c == '/') {
                return;
            }
            previous = c;
        }
        throw truncated("inside a comment");
    }

    /** A name: {@code `quoted`} (doubled backticks escape one) or bare. */
    String name() throws IOException {
        skipSpace();
        text.setLength(0);
        if (peek() == '`') {
            next();
            int c;
            while ((c = next()) != EOF) {
                if (c == '`') {
                    if (peek() != '`') {
                        return text.toString();
                    }
                    next();
                }
                text.append((char) c);
            }
            throw truncated("inside a quoted name");
        }
        int c;
        while ((c = peek()) != EOF && (Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
            text.append((char) next());
        }
        return text.toString();
    }

    /** A bare word (keyword), upper-cased; empty when the next character does not start one. */
    String word() throws IOException {
        skipSpace();
        text.setLength(0);
        int c;
        while ((c = peek()) != EOF && (Character.isLetterOrDigit(c) || c == '_')) {
            text.append((char) next());
        }
        return text.toString().toUpperCase(Locale.ROOT);
    }

    void expect(char wanted) throws IOException {
        skipSpace();
        int c = next();
        if (c == EOF) {
            throw truncated("where '" + wanted + "' was expected");
        }
        if (c != wanted) {
            throw new DumpException("line " + line + ": expected '" + wanted + "' but found '" + (char) c + "'");
        }
    }

    /**
     * One value of an INSERT tuple as text: NULL as null, strings unescaped, hex and bit literals
     * decoded (as UTF-8), numbers and other bare words as written.
     */
    String value() throws IOException {
        skipSpace();
        int c = peek();
        if (c == '\'' || c == '"') {
            return string();
        }
        if (c == '_') {
            name(); // a character set introducer: _binary '…', _utf8mb4'…'
            return value();
        }
        text.setLength(0);
        while ((c = peek()) != EOF && c != ',' && c != ')' && !Character.isWhitespace(c)) {
            text.append((char) next());
            if (text.length() == 2 && (c == '\'') && (text.charAt(0) == 'x' || text.charAt(0) == 'X')) {
                return decodeHex(quotedDigits());
            }
            if (text.length() == 2 && c == '\'' && (text.charAt(0) == 'b' || text.charAt(0) == 'B')) {
                return decodeBits(quotedDigits());
            }
        }
        if (c == EOF) {
            throw truncated("inside a value");
        }
        String word = text.toString();
        if (word.equalsIgnoreCase("NULL")) {
            return null;
        }
        if (word.length() > 2 && word.charAt(0) == '0' && (word.charAt(1) == 'x' || word.charAt(1) == 'X')) {
            return decodeHex(word.substring(2));
        }
        if (word.length() > 2 && word.charAt(0) == '0' && (word.charAt(1) == 'b' || word.charAt(1) == 'B')) {
            return decodeBits(word.substring(2));
        }
        if (word.isEmpty()) {
            throw new DumpException("line " + line + ": a value is missing");
        }
        return word;
    }

    private String quotedDigits() throws IOException {
        StringBuilder digits = new StringBuilder();
        int c;
        while ((c = next()) != '\'') {
            if (c == EOF) {
                throw truncated("inside a literal");
            }
            digits.append((char) c);
        }
        return digits.toString();
    }

    private String decodeHex(String digits) {
        try {
            String even = digits.length() % 2 == 1 ? "0" + digits : digits;
            return new String(HexFormat.of().parseHex(even), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new DumpException("line " + line + ": malformed hex literal");
        }
    }

    private String decodeBits(String digits) {
        if (!digits.matches("[01]*")) {
            throw new DumpException("line " + line + ": malformed bit literal");
        }
        return digits.isEmpty() ? "0" : new java.math.BigInteger(digits, 2).toString();
    }

    /** A '…' or "…" literal, unescaped. */
    String string() throws IOException {
        int quote = next();
        text.setLength(0);
        int c;
        while ((c = next()) != EOF) {
            if (c == '\\') {
                int escaped = next();
                switch (escaped) {
                    case EOF -> throw truncated("inside a string");
                    case '0' -> text.append('\0');
                    case 'b' -> text.append('\b');
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    case 't' -> text.append('\t');
                    case 'Z' -> text.append((char) 26);
                    case '%', '_' -> text.append('\\').append((char) escaped);
                    default -> text.append((char) escaped);
                }
            } else if (c == quote) {
                if (peek() != quote) {
                    return text.toString();
                }
                text.append((char) next());
            } else {
                text.append((char) c);
            }
        }
        throw truncated("inside a string");
    }

    /** Skips the rest of a literal whose opening quote was just read, without keeping its text. */
    private void skipString(int quote) throws IOException {
        int c;
        while ((c = next()) != EOF) {
            if (c == '\\') {
                if (next() == EOF) {
                    break;
                }
            } else if (c == quote) {
                if (peek() != quote) {
                    return;
                }
                next();
            }
        }
        throw truncated("inside a string");
    }

    /** Skips to the end of the current statement ({@code ;} outside strings, names and comments). */
    void skipStatement() throws IOException {
        while (true) {
            skipSpace();
            int c = next();
            switch (c) {
                case EOF -> throw truncated("inside a statement");
                case ';' -> {
                    return;
                }
                case '\'', '"' -> skipString(c);
                case '`' -> {
                    position--;
                    name();
                }
                default -> {
                    // any other character of the statement
                }
            }
        }
    }

    DumpException truncated(String where) {
        return new DumpException("the dump ends " + where + " (line " + line + "): it is truncated");
    }

    static DumpException truncated(EOFException e) {
        return new DumpException("the compressed dump ends early: it is truncated");
    }
}
