package io.aftercare.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Every test class runs. Surefire and Failsafe choose test classes by their names, so a class with test methods
 * whose name matches none of their patterns compiles and never runs ({@code DueTimesProperties} and
 * {@code AssignmentProperties} did not, for months).
 * <p>
 * The rule: a class has tests when one of its methods, or an inherited one, is annotated {@code @Test},
 * {@code @ParameterizedTest}, {@code @RepeatedTest}, {@code @TestFactory}, {@code @TestTemplate}, Jazzer's
 * {@code @FuzzTest}, or anything else that JUnit marks {@code @Testable} (property tests are plain {@code @Test}
 * methods driving QuickTheories or a seeded loop). Such a class runs when {@code ./mvnw verify} picks it: by the
 * includes and excludes of Surefire, or of a Failsafe execution that runs {@code integration-test}, as pom.xml
 * configures them (the plugins' defaults where it does not). Benchmarks count as run by the {@code bench} profile's
 * Failsafe includes ({@code ./mvnw -Pbench verify}): they print numbers and assert nothing a build could fail on,
 * so they are run on purpose, not on every build. Chaos tests count as run by the {@code chaos} profile's Failsafe
 * includes, which {@code .ci/run} runs after {@code ./mvnw verify} (they start and kill real processes for minutes). A {@code @Nested} inner class runs with the class around it; any
 * other member class with tests never runs. An abstract class runs through a concrete class that extends it.
 */
class TestNamingTest {

    static final List<String> SUREFIRE_INCLUDES =
        List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    static final List<String> FAILSAFE_INCLUDES = List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java");
    static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

    static final List<Class<? extends Annotation>> TEST_ANNOTATIONS = List.of(Test.class, ParameterizedTest.class,
        RepeatedTest.class, TestFactory.class, TestTemplate.class, FuzzTest.class, Testable.class);

    static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));

    /** One way a test class gets run: a plugin (or one of its executions) with its includes and excludes. */
    record Run(String name, List<String> includes, List<String> excludes) {

        boolean picks(String path) {
            return includes.stream().anyMatch(p -> matches(p, path))
                && excludes.stream().noneMatch(p -> matches(p, path));
        }

        @Override
        public String toString() {
            return name + ": includes " + includes + ", excludes " + excludes;
        }
    }

    @Test
    void everyClassWithTestsIsPickedBySurefireOrFailsafe() throws Exception {
        List<Run> runs = runs(pom());
        List<Class<?>> classes = testClasses();
        List<Class<?>> withTests = classes.stream().filter(TestNamingTest::hasTests).toList();

        List<String> neverRun = withTests.stream().filter(c -> !runs(c, classes, runs))
            .map(Class::getName).sorted().toList();

        assertThat(withTests).as("the scan finds test classes").contains(TestNamingTest.class, ModularityTest.class);
        assertThat(neverRun)
            .as("These classes have test methods but no build runs them: name them to match a pattern below "
                + "(unit tests *Test, integration tests *IT, benchmarks *Benchmark, chaos tests *Chaos).%n  %s",
                runs.stream().map(Run::toString).collect(Collectors.joining("%n  ".formatted())))
            .isEmpty();
    }

    /** The rule as read from pom.xml, on names that were and were not picked. */
    @Test
    void theBuildPicksTestsByTheirNames() throws Exception {
        List<Run> runs = runs(pom());
        Predicate<String> picked = path -> runs.stream().anyMatch(r -> r.picks(path));

        assertThat(picked).accepts("io/aftercare/care/cases/DueTimesPropertiesTest.java",
            "io/aftercare/web/OpenApiIT.java", "io/aftercare/e2e/CheckInFlowIT.java",
            "io/aftercare/bench/IngestBenchmark.java", "io/aftercare/durability/TwoInstancesChaos.java");
        assertThat(picked).rejects("io/aftercare/care/cases/DueTimesProperties.java",
            "io/aftercare/peersupport/requests/AssignmentProperties.java", "io/aftercare/web/OpenApiChecks.java",
            "io/aftercare/care/cases/DueTimesTest$Inner.java");
        assertThat(runs.stream().filter(r -> r.picks("io/aftercare/e2e/CheckInFlowIT.java")).map(Run::name))
            .as("browser tests run on H2 only").containsExactly("Failsafe it-h2");
    }

    // --- which classes have tests, and whether they run

    static boolean hasTests(Class<?> type) {
        return TEST_ANNOTATIONS.stream().anyMatch(a ->
            !AnnotationSupport.findAnnotatedMethods(type, a, HierarchyTraversalMode.TOP_DOWN).isEmpty());
    }

    static boolean runs(Class<?> type, List<Class<?>> classes, List<Run> runs) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return classes.stream().anyMatch(c -> c != type && type.isAssignableFrom(c) && !c.isInterface()
                && !Modifier.isAbstract(c.getModifiers()) && runs(c, classes, runs));
        }
        if (type.getEnclosingClass() != null) {
            return type.isAnnotationPresent(Nested.class) && !Modifier.isStatic(type.getModifiers())
                && runs(type.getEnclosingClass(), classes, runs);
        }
        String path = type.getName().replace('.', '/') + ".java";
        return runs.stream().anyMatch(r -> r.picks(path));
    }

    /**
     * The compiled test classes whose source is in src/test/java (so a class file left behind by a renamed test does
     * not count), nested ones included.
     */
    static List<Class<?>> testClasses() throws IOException, URISyntaxException {
        Path root = Path.of(TestNamingTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path sources = BASEDIR.resolve("src/test/java");
        ClassLoader loader = TestNamingTest.class.getClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/")
                    .replaceAll("\\.class$", "");
                String topLevel = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                if (name.endsWith("package-info") || !Files.exists(sources.resolve(topLevel + ".java"))) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName(name.replace('/', '.'), false, loader);
                    if (!type.isAnonymousClass() && !type.isLocalClass() && !type.isSynthetic()) {
                        classes.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load test class " + name, e);
                }
            }
        }
        return classes;
    }

    // --- the patterns, as pom.xml configures Surefire and Failsafe

    static Document pom() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(BASEDIR.resolve("pom.xml").toFile());
    }

    static List<Run> runs(Document pom) {
        Element project = pom.getDocumentElement();
        Element build = child(project, "build").orElseThrow();
        List<Run> runs = new ArrayList<>();

        Optional<Element> surefire = plugin(build, "maven-surefire-plugin");
        Optional<Element> surefireConfig = surefire.flatMap(p -> child(p, "configuration"));
        runs.add(run("Surefire", surefireConfig, Optional.empty(), SUREFIRE_INCLUDES));

        Optional<Element> failsafe = plugin(build, "maven-failsafe-plugin");
        Optional<Element> failsafeConfig = failsafe.flatMap(p -> child(p, "configuration"));
        List<Element> executions = failsafe.map(p -> executions(p).stream()
            .filter(e -> !text(e, "phase").equals("none"))
            .filter(e -> child(e, "goals").map(g -> children(g, "goal").stream()
                .anyMatch(goal -> goal.getTextContent().strip().equals("integration-test"))).orElse(false))
            .toList()).orElse(List.of());
        for (Element execution : executions) {
            runs.add(run("Failsafe " + text(execution, "id"), failsafeConfig, child(execution, "configuration"),
                FAILSAFE_INCLUDES));
        }

        child(project, "profiles").map(p -> children(p, "profile")).orElse(List.of()).stream()
            .filter(profile -> List.of("bench", "chaos").contains(text(profile, "id")))
            .forEach(profile -> child(profile, "build").flatMap(b -> plugin(b, "maven-failsafe-plugin"))
                .ifPresent(p -> runs.add(run("Failsafe -P" + text(profile, "id"), failsafeConfig,
                    child(p, "configuration"), FAILSAFE_INCLUDES))));
        return runs;
    }

    /** Patterns from the nearer configuration, else the outer one, else the plugin's defaults. */
    static Run run(String name, Optional<Element> outer, Optional<Element> nearer, List<String> defaultIncludes) {
        return new Run(name, patterns(nearer, outer, "includes", "include", defaultIncludes),
            patterns(nearer, outer, "excludes", "exclude", DEFAULT_EXCLUDES));
    }

    static List<String> patterns(Optional<Element> nearer, Optional<Element> outer, String list, String item,
                                 List<String> defaults) {
        for (Optional<Element> config : List.of(nearer, outer)) {
            Optional<Element> patterns = config.flatMap(c -> child(c, list));
            if (patterns.isPresent()) {
                return children(patterns.get(), item).stream().map(e -> e.getTextContent().strip()).toList();
            }
        }
        return defaults;
    }

    static Optional<Element> plugin(Element build, String artifactId) {
        return child(build, "plugins").map(p -> children(p, "plugin")).orElse(List.of()).stream()
            .filter(p -> text(p, "artifactId").equals(artifactId)).findFirst();
    }

    static List<Element> executions(Element plugin) {
        return child(plugin, "executions").map(e -> children(e, "execution")).orElse(List.of());
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    static String text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip()).orElse("");
    }

    /**
     * Whether an Ant-style pattern as Surefire and Failsafe read it ({@code **} any folders, {@code *} and {@code ?}
     * within a name) matches a test's path, e.g. {@code io/aftercare/web/OpenApiIT.java}.
     */
    static boolean matches(String pattern, String path) {
        if (pattern.startsWith("%regex[") || pattern.startsWith("%ant[") || pattern.contains("#")) {
            throw new IllegalStateException("TestNamingTest does not read the pattern " + pattern + " yet");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (pattern.startsWith("**", i)) {
                regex.append(".*");
                i += 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(regex.toString(), path);
    }
}
