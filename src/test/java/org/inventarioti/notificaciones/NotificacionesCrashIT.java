package org.inventarioti.notificaciones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.inventarioti.ops.ExternalServer;
import org.inventarioti.support.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash between the event and the delivery loses nothing: the packaged server delivers a full
 * outbox to a slow webhook receiver while the SMTP server is down, is SIGKILLed mid-delivery, and a
 * restarted server with both receivers up delivers every notification; each e-mail arrives once,
 * and each webhook once per {@code X-Inventario-Entrega} (only the one in flight at the kill may
 * arrive a second time, under the same key, which receivers deduplicate by).
 */
class NotificacionesCrashIT {

    static final int CORREOS = 12;
    static final int WEBHOOKS = 12;

    @TempDir
    Path dir;

    private final long inicio = System.nanoTime();

    private void fase(String que) {
        System.out.printf("NotificacionesCrashIT: %s after %.1f s%n", que, (System.nanoTime() - inicio) / 1e9);
    }

    /** The webhook receiver: slow (1.5 s an answer) until told otherwise; records each key on arrival. */
    static final class Receptor implements AutoCloseable {
        final AtomicBoolean lento = new AtomicBoolean(true);
        final List<String> llegadas = new CopyOnWriteArrayList<>();
        final HttpServer server;

        Receptor() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/hook", exchange -> {
                exchange.getRequestBody().readAllBytes();
                llegadas.add(exchange.getRequestHeaders().getFirst("X-Inventario-Entrega"));
                if (lento.get()) {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** An SMTP server that is down: it takes each connection and drops it at once, counting them. */
    static final class SmtpCaido implements AutoCloseable {
        final java.util.concurrent.atomic.AtomicInteger conexiones = new java.util.concurrent.atomic.AtomicInteger();
        final ServerSocket socket;

        SmtpCaido() throws Exception {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread hilo = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (var c = socket.accept()) {
                        conexiones.incrementAndGet();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            hilo.setDaemon(true);
            hilo.start();
        }

        int puerto() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Process start(Map<String, String> env, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "java",
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-jar",
                        Processes.JAR.toString())
                .directory(Processes.ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("DB_")
                        || k.startsWith("INVENTARIO_")
                        || k.startsWith("SPRING_")
                        || k.equals("JWT_SECRET"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void esperar(String que, Duration limite, Process process, Path log, BooleanSupplier hecho)
            throws Exception {
        long fin = System.nanoTime() + limite.toNanos();
        while (!hecho.getAsBoolean()) {
            assertThat(process.isAlive())
                    .as("the server stopped before " + que + ":\n" + Files.readString(log))
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("not within " + limite + ": " + que + "\n" + Files.readString(log))
                    .isLessThan(fin);
            Thread.sleep(100);
        }
    }

    private static long contar(ExternalServer.Scratch db, String sql) {
        try (Connection c = db.connect();
                var st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1; // not migrated yet
        }
    }

    /** The events of one committed transaction: e-mails and webhook notifications, interleaved. */
    private static void llenar(ExternalServer.Scratch db, String url) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            long webhook;
            try (var st = c.prepareStatement(
                    "INSERT INTO ops_webhooks (nombre, url, secreto) VALUES ('crash', ?, 'secreto-de-crash') RETURNING id")) {
                st.setString(1, url);
                var rs = st.executeQuery();
                rs.next();
                webhook = rs.getLong(1);
            }
            try (var st = c.prepareStatement("INSERT INTO ops_notificaciones (canal, destino, evento, asunto, cuerpo,"
                    + " clave, webhook_id) VALUES (?, ?, 'prueba.crash', ?, ?, ?, ?)")) {
                for (int i = 0; i < Math.max(CORREOS, WEBHOOKS); i++) {
                    if (i < CORREOS) {
                        st.setString(1, "email");
                        st.setString(2, "crash-" + i + "@test.local");
                        st.setString(3, "Crash " + i);
                        st.setString(4, "Aviso " + i);
                        st.setString(5, "email:crash-" + i);
                        st.setNull(6, java.sql.Types.BIGINT);
                        st.addBatch();
                    }
                    if (i < WEBHOOKS) {
                        st.setString(1, "webhook");
                        st.setString(2, url);
                        st.setNull(3, java.sql.Types.VARCHAR);
                        st.setString(4, "{\"n\":" + i + "}");
                        st.setString(5, "webhook:" + webhook + ":crash-" + i);
                        st.setLong(6, webhook);
                        st.addBatch();
                    }
                }
                st.executeBatch();
            }
            c.commit();
        }
    }

    @Test
    void aServerKilledMidDeliveryLosesNothingAndTheRestartDeliversEachOnce() throws Exception {
        assumeTrue(ExternalServer.available(), "needs the machine's PostgreSQL at 127.0.0.1:5432");
        SmtpCaido caido = new SmtpCaido();
        int smtpPort = caido.puerto();
        try (var db = ExternalServer.create();
                var receptor = new Receptor();
                caido) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "DB_HOST",
                    ExternalServer.HOST,
                    "DB_PORT",
                    "5432",
                    "DB_NAME",
                    db.name(),
                    "DB_USER",
                    "postgres",
                    "PORT",
                    Integer.toString(freePort()),
                    "INVENTARIO_DATA_DIR",
                    dir.resolve("data").toString(),
                    "INVENTARIO_WEBHOOK_ALLOW_PRIVATE",
                    "true",
                    "SPRING_MAIL_HOST",
                    "127.0.0.1",
                    "SPRING_MAIL_PORT",
                    Integer.toString(smtpPort)));
            env.put("INVENTARIO_NOTIFICACIONES_CRON", "* * * * * *");
            env.put("INVENTARIO_NOTIFICACIONES_PRIMERA_ESPERA", "1s");
            env.put("INVENTARIO_NOTIFICACIONES_INTENTOS", "50");
            env.put("INVENTARIO_NOTIFICACIONES_BLOQUEO_MAXIMO", "12s");

            Path logA = dir.resolve("a.log");
            Process a = start(env, logA);
            try {
                // the events commit as soon as the outbox exists, before the first delivery run
                esperar(
                        "the outbox's tables",
                        Duration.ofSeconds(60),
                        a,
                        logA,
                        () -> contar(db, "SELECT count(*) FROM ops_webhooks") >= 0);
                fase("outbox migrated");
                llenar(db, receptor.url());
                esperar(
                        "deliveries under way",
                        Duration.ofSeconds(30),
                        a,
                        logA,
                        () -> receptor.llegadas.size() >= 2 && caido.conexiones.get() >= 1);
            } finally {
                a.destroyForcibly(); // SIGKILL, mid-delivery: a webhook answer is being waited for
                assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(a.exitValue()).isEqualTo(137);
            fase("server A killed");
            assertThat(contar(db, "SELECT count(*) FROM ops_notificaciones WHERE clave LIKE '%crash-%'"))
                    .isEqualTo(CORREOS + WEBHOOKS);
            assertThat(contar(db, "SELECT count(*) FROM ops_notificaciones WHERE estado = 'enviada'"))
                    .as("killed before it delivered everything")
                    .isLessThan(WEBHOOKS);
            int antes = receptor.llegadas.size();

            assertThat(contar(db, "SELECT count(*) FROM ops_notificaciones WHERE canal = 'email' AND intentos > 0"))
                    .as("the failed e-mail attempts were kept")
                    .isPositive();
            caido.close();
            receptor.lento.set(false);
            GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            Path logB = dir.resolve("b.log");
            Process b = start(env, logB);
            try {
                esperar(
                        "everything delivered after the restart",
                        Duration.ofSeconds(75),
                        b,
                        logB,
                        () -> contar(db, "SELECT count(*) FROM ops_notificaciones WHERE estado = 'enviada'")
                                == CORREOS + WEBHOOKS);
                fase("everything delivered by the restarted server");
                Thread.sleep(2500); // a run or two more: nothing is sent again
            } finally {
                b.destroyForcibly();
                b.waitFor(30, TimeUnit.SECONDS);
            }
            List<String> destinatarios = new ArrayList<>();
            try {
                for (MimeMessage m : smtp.getReceivedMessages()) {
                    destinatarios.add(m.getAllRecipients()[0].toString());
                }
            } finally {
                smtp.stop();
            }
            assertThat(destinatarios)
                    .as("each e-mail exactly once")
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, CORREOS)
                            .mapToObj(i -> "crash-" + i + "@test.local")
                            .toList());

            Set<String> claves = Set.copyOf(receptor.llegadas);
            assertThat(claves)
                    .as("every webhook notification arrived")
                    .hasSize(WEBHOOKS)
                    .allMatch(k -> k.matches("webhook:\\d+:crash-\\d+"));
            Map<String, Long> veces =
                    receptor.llegadas.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
            assertThat(veces.values().stream().filter(n -> n > 1).count())
                    .as("only the one in flight at the kill may arrive twice (same key): " + veces + ", " + antes
                            + " before the kill")
                    .isLessThanOrEqualTo(1);
            assertThat(veces.values()).allMatch(n -> n <= 2);
        }
    }
}
