package io.aftercare.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import io.aftercare.security.MatrixFile.Route;

/**
 * The README's promise, "everything the UI does is also under /api/v1", held route by route: every page route of
 * authorization-matrix.txt (which AuthorizationMatrixIT holds to the running application) is in api-parity.txt,
 * with the API routes that do the same, open to the same people; or it says why a script has no use for it; or it
 * is a gap, named.
 */
class ApiParityTest {

    private static final Set<String> NOT_PAGES = Set.of("/api/", "/actuator/", "/webhooks/");

    /** One line of api-parity.txt: the API routes, each with whether it is open wider on purpose. */
    record Counterpart(Map<Route, Boolean> api, String browserOnly, String missing) {
    }

    static Map<Route, Counterpart> parity() throws IOException {
        Map<Route, Counterpart> lines = new LinkedHashMap<>();
        String text = new ClassPathResource("api-parity.txt").getContentAsString(StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] sides = trimmed.split("->", 2);
            assertThat(sides).as("'%s' has a page route, '->' and what does the same", trimmed).hasSize(2);
            String[] page = sides[0].strip().split("\\s+");
            Route route = new Route(page[0], page[1]);
            String right = sides[1].strip();
            Counterpart counterpart;
            if (right.startsWith("browser-only:")) {
                counterpart = new Counterpart(Map.of(), right.substring("browser-only:".length()).strip(), null);
            } else if (right.startsWith("missing:")) {
                counterpart = new Counterpart(Map.of(), null, right.substring("missing:".length()).strip());
            } else {
                Map<Route, Boolean> api = new LinkedHashMap<>();
                for (String part : right.split(",(?![^(]*\\))")) {
                    String p = part.strip();
                    boolean wider = p.contains("(wider:");
                    String[] words = (wider ? p.substring(0, p.indexOf("(wider:")) : p).strip().split("\\s+");
                    assertThat(words).as("'%s' names an API route as METHOD PATH", p).hasSize(2);
                    api.put(new Route(words[0], words[1]), wider);
                }
                counterpart = new Counterpart(api, null, null);
            }
            assertThat(lines.put(route, counterpart)).as("%s is listed once", route).isNull();
        }
        return lines;
    }

    private static boolean isPage(Route route) {
        return NOT_PAGES.stream().noneMatch(prefix -> route.path().startsWith(prefix));
    }

    /** A browser never holds a token, so a route for "people" is open to it as to "authenticated". */
    private static String forBrowsers(String access) {
        return access.equals("people") ? "authenticated" : access;
    }

    @Test
    void everyPageRouteHasItsApiCounterpartOpenToTheSamePeople() throws IOException {
        Map<Route, String> matrix = MatrixFile.routes();
        Map<Route, Counterpart> parity = parity();

        Set<Route> pages = new TreeSet<>();
        matrix.keySet().stream().filter(ApiParityTest::isPage).forEach(pages::add);
        assertThat(new TreeSet<>(parity.keySet())).as("page routes in api-parity.txt")
            .containsExactlyElementsOf(pages);

        List<String> wrong = new ArrayList<>();
        parity.forEach((page, counterpart) -> counterpart.api().forEach((api, wider) -> {
            String pageAccess = forBrowsers(matrix.get(page));
            String apiAccess = matrix.get(api);
            if (apiAccess == null || !api.path().startsWith("/api/v1/")) {
                wrong.add(page + " -> " + api + ": not an API route of the matrix");
            } else if (!wider && !forBrowsers(apiAccess).equals(pageAccess)) {
                wrong.add(page + " (" + pageAccess + ") -> " + api + " (" + apiAccess + ")");
            } else if (wider && forBrowsers(apiAccess).equals(pageAccess)) {
                wrong.add(page + " -> " + api + ": said to be wider, but is open to the same people");
            }
        }));
        assertThat(wrong).as("page routes whose API counterpart is missing or open to other people").isEmpty();
    }

    @Test
    void theGapsAreTheOnesTheReadmeNames() throws IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        parity().forEach((page, counterpart) -> {
            if (counterpart.missing() != null) {
                assertThat(readme).as("README names the gap of %s", page).contains("`" + page + "`");
            }
        });
    }
}
