package org.inventarioti.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs). Each browser gets a fresh profile and download folder; screenshots
 * go to {@code target/screenshots/}. Without Chromium the browser tests are skipped, except on CI
 * ({@code CI=true}) where they fail.
 */
public final class Navegador implements AutoCloseable {

    public static final Path CAPTURAS = Path.of("target/screenshots");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path perfil;
    private final Path descargas;
    private final String base;

    private Navegador(ChromeDriver driver, Path perfil, Path descargas, String base) {
        this.driver = driver;
        this.perfil = perfil;
        this.descargas = descargas;
        this.base = base;
    }

    public static Navegador abrir(String base) throws IOException {
        boolean instalado = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!instalado && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("Chromium or chromedriver not installed (apt-get install chromium chromium-driver)");
        }
        Path perfil = Files.createTempDirectory("inventario-chromium");
        Path descargas = Files.createTempDirectory("inventario-descargas");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + perfil,
                "--lang=es",
                "--window-size=1366,900");
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        descargas.toString(),
                        "download.prompt_for_download",
                        false,
                        "plugins.always_open_pdf_externally",
                        true,
                        "intl.accept_languages",
                        "es"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(CAPTURAS);
        return new Navegador(driver, perfil, descargas, base);
    }

    public WebDriver driver() {
        return driver;
    }

    public void ir(String ruta) {
        driver.get(base + ruta);
    }

    public WebDriverWait espera() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    public void tamano(int ancho, int alto) {
        driver.manage().window().setSize(new Dimension(ancho, alto));
    }

    public Path captura(String nombre) throws IOException {
        Path destino = CAPTURAS.resolve(nombre + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), destino, StandardCopyOption.REPLACE_EXISTING);
        return destino;
    }

    /** Waits for a finished download whose name ends with {@code sufijo} and returns it. */
    public Path descarga(String sufijo) throws IOException, InterruptedException {
        long limite = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < limite) {
            try (Stream<Path> files = Files.list(descargas)) {
                List<Path> listos = files.filter(p -> p.getFileName().toString().endsWith(sufijo))
                        .toList();
                if (!listos.isEmpty()) {
                    return listos.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No download ending in " + sufijo + " in " + descargas);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            borrar(perfil);
            borrar(descargas);
        }
    }

    private static void borrar(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
