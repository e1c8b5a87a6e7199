package org.inventarioti.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one front door for text: a control character ({@link TextoEntrante}) in a header, a cookie,
 * a parameter name or value, or a JSON body's member name or string is refused with 400 naming
 * where it was, before any controller or database work. The value itself is never echoed.
 *
 * <p>Login requests keep their body and parameter values unchecked here: the login service applies
 * the per-address rate limit first (429, audited) and refuses such an email itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TextoEntranteFilter extends OncePerRequestFilter {

    static final Set<String> LOGIN = Set.of("/api/auth/login", "/api/usuarios/login", "/login");

    private final ProblemWriter problems;
    private final JsonMapper jsonMapper;

    TextoEntranteFilter(ProblemWriter problems, JsonMapper jsonMapper) {
        this.problems = problems;
        this.jsonMapper = jsonMapper;
    }

    /** Where a refused character was: "header", "cookie", "parameter" or "field", and its name. */
    record Lugar(String tipo, String nombre) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean login = LOGIN.contains(path);
        Optional<Lugar> lugar = ruta(path).or(() -> cabeceras(request)).or(() -> parametros(request, login));
        HttpServletRequest siguiente = request;
        if (lugar.isEmpty() && !login && esJson(request.getContentType())) {
            byte[] body;
            try {
                body = request.getInputStream().readAllBytes();
            } catch (RequestBodyLimitFilter.BodyTooLargeException e) {
                problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Payload too large", e.getMessage());
                return;
            }
            lugar = cuerpo(body);
            siguiente = new CuerpoLeido(request, body);
        }
        if (lugar.isPresent()) {
            rechazar(request, response, lugar.get());
            return;
        }
        chain.doFilter(siguiente, response);
    }

    /** The decoded path: a control character in a path segment ({@code /api/jobs/a%0Cb}) is refused too. */
    private static Optional<Lugar> ruta(String path) {
        String decoded;
        try {
            decoded = org.springframework.web.util.UriUtils.decode(path, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = path;
        }
        return TextoEntrante.rechazado(decoded, false) ? Optional.of(new Lugar("path", path)) : Optional.empty();
    }

    private static Optional<Lugar> cabeceras(HttpServletRequest request) {
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                if (name.equalsIgnoreCase(HttpHeaders.COOKIE)) {
                    Optional<Lugar> cookie = cookies(value);
                    if (cookie.isPresent()) {
                        return cookie;
                    }
                } else if (TextoEntrante.rechazadoEnCabecera(name) || TextoEntrante.rechazadoEnCabecera(value)) {
                    return Optional.of(new Lugar("header", name));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Lugar> cookies(String header) {
        for (String pair : header.split(";")) {
            if (TextoEntrante.rechazadoEnCabecera(pair)) {
                int eq = pair.indexOf('=');
                return Optional.of(new Lugar("cookie", (eq < 0 ? pair : pair.substring(0, eq)).trim()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Lugar> parametros(HttpServletRequest request, boolean login) {
        String contentType = request.getContentType();
        if (contentType != null && contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            return Optional.empty();
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (TextoEntrante.rechazado(name, false)) {
                return Optional.of(new Lugar("parameter", name));
            }
            if (login) {
                continue;
            }
            boolean multilinea = TextoEntrante.MULTILINEA.contains(name);
            for (String value : parameter.getValue()) {
                if (TextoEntrante.rechazado(value, multilinea)) {
                    return Optional.of(new Lugar("parameter", name));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean esJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The first member name or string of a JSON body that holds a refused character; malformed JSON is left to MVC. */
    private Optional<Lugar> cuerpo(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try (JsonParser parser = jsonMapper.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME && TextoEntrante.rechazado(parser.currentName(), false)) {
                    return Optional.of(new Lugar("field", ruta(parser.streamReadContext())));
                }
                if (token == JsonToken.VALUE_STRING
                        && TextoEntrante.rechazado(parser.getString(), multilinea(parser.streamReadContext()))) {
                    return Optional.of(new Lugar("field", ruta(parser.streamReadContext())));
                }
            }
        } catch (JacksonException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean multilinea(TokenStreamContext context) {
        if (context.inObject() && TextoEntrante.MULTILINEA.contains(context.currentName())) {
            return true;
        }
        for (TokenStreamContext c = context; c != null; c = c.getParent()) {
            TokenStreamContext parent = c.getParent();
            if (parent != null
                    && parent.getParent() == null
                    && parent.inObject()
                    && TextoEntrante.ARBOLES_MULTILINEA.contains(parent.currentName())) {
                return true;
            }
        }
        return false;
    }

    /** The dotted path of the current member ({@code especificaciones.red[0].vlan}). */
    static String ruta(TokenStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.currentName() != null) {
                parts.push(c.currentName());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (!out.isEmpty() && !part.startsWith("[")) {
                out.append('.');
            }
            out.append(part);
        }
        return out.toString();
    }

    private void rechazar(HttpServletRequest request, HttpServletResponse response, Lugar lugar) throws IOException {
        String nombre = TextoEntrante.citar(lugar.nombre());
        String detail = "A control character is not allowed in " + lugar.tipo() + " '" + nombre + "'";
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (!path.startsWith("/api/") && accept != null && accept.contains("text/html")) {
            response.sendError(HttpStatus.BAD_REQUEST.value(), detail);
            return;
        }
        ProblemDetail problem = ProblemWriter.problem(request, HttpStatus.BAD_REQUEST, "Bad request", detail);
        problem.setProperty(lugar.tipo(), nombre);
        problems.write(request, response, problem);
    }

    /** The request with its body already read, served again from memory. */
    private static final class CuerpoLeido extends HttpServletRequestWrapper {
        private final byte[] body;

        CuerpoLeido(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(
                    new java.io.InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }
    }
}
