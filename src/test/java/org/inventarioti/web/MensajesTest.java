package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3: UI text lives only in the message files. Both languages have the same keys, every key
 * a template names exists, and no template carries text of its own.
 */
class MensajesTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path TEMPLATES = RESOURCES.resolve("templates");

    /** Attributes a person reads or hears. */
    static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt", "label");

    /** Elements whose content is replaced or removed, so their own text never shows. */
    static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove");

    static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)(?:\\(|})");
    static final Pattern DYNAMIC_PREFIX = Pattern.compile("'([a-zA-Z]+(?:\\.[a-zA-Z]+)*\\.)'\\s*\\+");

    @Test
    void spanishAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> es = keys("messages.properties");
        Set<String> en = keys("messages_en.properties");
        assertThat(new TreeSet<>(diff(es, en)))
                .as("keys only in messages.properties")
                .isEmpty();
        assertThat(new TreeSet<>(diff(en, es)))
                .as("keys only in messages_en.properties")
                .isEmpty();
        assertThat(es).hasSizeGreaterThan(100);
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Properties properties = load(file);
            for (String key : properties.stringPropertyNames()) {
                if (!key.equals("comun.sinValor")) {
                    assertThat(properties.getProperty(key).strip())
                            .as(file + " " + key)
                            .isNotEmpty();
                }
            }
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> keys = keys("messages.properties");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            String source = Files.readString(template).replaceAll("(?s)<!--/\\*.*?\\*/-->", "");
            Matcher matcher = STATIC_KEY.matcher(source);
            while (matcher.find()) {
                if (!keys.contains(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                }
            }
            Matcher prefix = DYNAMIC_PREFIX.matcher(source);
            while (prefix.find()) {
                String start = prefix.group(1);
                if (keys.stream().noneMatch(k -> k.startsWith(start))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + start + "*");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesCarryNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                for (var attribute : element.attributes()) {
                    if (TEXT_ATTRIBUTES.contains(attribute.getKey()) && hasWords(attribute.getValue())) {
                        literals.add(TEMPLATES.relativize(template) + " @" + attribute.getKey() + ": "
                                + attribute.getValue());
                    }
                }
                if (element.tagName().equals("script") || element.tagName().equals("style") || replaced(element)) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    if (hasWords(text.text())) {
                        literals.add(TEMPLATES.relativize(template) + " <" + element.tagName() + ">: "
                                + text.text().strip());
                    }
                }
            }
        }
        assertThat(literals).isEmpty();
    }

    @Test
    void theCheckFindsLiterals() {
        Document document = Jsoup.parse(
                "<div><p>Hola</p><span th:text=\"#{x}\">ignored</span><input placeholder=\"Buscar\"></div>",
                "",
                Parser.xmlParser());
        List<String> found = new ArrayList<>();
        for (Element element : document.getAllElements()) {
            if (!replaced(element)) {
                element.textNodes().stream().filter(t -> hasWords(t.text())).forEach(t -> found.add(t.text()));
            }
            element.attributes().forEach(a -> {
                if (TEXT_ATTRIBUTES.contains(a.getKey()) && hasWords(a.getValue())) {
                    found.add(a.getValue());
                }
            });
        }
        assertThat(found).containsExactly("Hola", "Buscar");
    }

    private static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            for (String attribute : REPLACING) {
                if (e.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<Path> list =
                    files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            assertThat(list).isNotEmpty();
            return list;
        }
    }

    private static Set<String> keys(String file) throws IOException {
        return load(file).stringPropertyNames();
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
