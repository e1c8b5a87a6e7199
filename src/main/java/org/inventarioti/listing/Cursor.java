package org.inventarioti.listing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The keyset position after the last row of a page: the sort it belongs to, the row's sort key
 * (as PostgreSQL prints it, so it casts back exactly) and its id. Opaque to clients.
 */
record Cursor(String sort, long id, String value) {

    private static final char SEP = '\n';

    String encode() {
        String plain = sort + SEP + id + SEP + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String token, Sort sort) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ListParams.bad("after", "is not a cursor returned by this list (next_after)");
        }
        String[] parts = plain.split(String.valueOf(SEP), 3);
        if (parts.length != 3) {
            throw ListParams.bad("after", "is not a cursor returned by this list (next_after)");
        }
        if (!parts[0].equals(sort.token())) {
            throw ListParams.bad("after", "belongs to sort '" + parts[0] + "'; repeat that sort or start again");
        }
        try {
            return new Cursor(parts[0], Long.parseLong(parts[1]), parts[2]);
        } catch (NumberFormatException e) {
            throw ListParams.bad("after", "is not a cursor returned by this list (next_after)");
        }
    }
}
