package io.aftercare.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manifests in {@code deploy/kubernetes/} are valid Kubernetes objects (checked offline against the schema
 * vendored in {@code src/test/resources/kubernetes/}, strict: a misspelt field fails) and keep the settings a platform
 * team relies on: three replicas, probes, resources, a locked-down security context, and only configuration names
 * Aftercare reads.
 */
class KubernetesManifestsTest {

    static final Path DIR = Path.of("deploy/kubernetes");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static Schema schema;
    static List<Document> documents;

    record Document(Path file, JsonNode node) {
        String kind() {
            return node.path("kind").asString();
        }

        @Override
        public String toString() {
            return file.getFileName() + " " + kind() + " " + node.path("metadata").path("name").asString();
        }
    }

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = KubernetesManifestsTest.class.getResourceAsStream("/kubernetes/kubernetes-schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        documents = new ArrayList<>();
        for (Path file : manifests()) {
            for (Object doc : yaml().loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
                if (doc != null) {
                    documents.add(new Document(file, JSON.valueToTree(doc)));
                }
            }
        }
    }

    static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                .filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
    }

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    static List<String> errors(JsonNode node) {
        return schema.validate(node).stream().map(Error::toString).toList();
    }

    static JsonNode only(String kind) {
        List<Document> found = documents.stream().filter(d -> d.kind().equals(kind)).toList();
        assertThat(found).as("exactly one " + kind + " in " + DIR).hasSize(1);
        return found.get(0).node();
    }

    @Test
    void everyManifestIsAValidKubernetesObject() {
        assertThat(documents).extracting(Document::kind)
            .contains("Deployment", "Service", "ConfigMap", "Secret", "PodDisruptionBudget");
        for (Document doc : documents) {
            assertThat(errors(doc.node())).as(doc.toString()).isEmpty();
        }
    }

    @Test
    void theSchemaCatchesMistakes() {
        JsonNode deployment = only("Deployment");
        var misspelt = (tools.jackson.databind.node.ObjectNode) deployment.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) misspelt.get("spec")).put("replica", 3);
        assertThat(errors(misspelt)).anySatisfy(e -> assertThat(e).contains("replica"));

        var badQuantity = (tools.jackson.databind.node.ObjectNode) deployment.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) badQuantity.at("/spec/template/spec/containers/0/resources/limits"))
            .put("memory", "768 megabytes");
        assertThat(errors(badQuantity)).isNotEmpty();

        var unknownKind = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
        assertThat(errors(unknownKind)).isNotEmpty();
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        Map<String, Object> kustomization = yaml().load(Files.readString(DIR.resolve("kustomization.yaml")));
        assertThat(kustomization.get("resources")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
            .containsExactlyInAnyOrderElementsOf(manifests().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void threeReplicasProbedByHealthGroupsWithResources() {
        JsonNode deployment = only("Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
        assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/resources/requests/cpu").isMissingNode()).isFalse();
        assertThat(container.at("/resources/requests/memory").isMissingNode()).isFalse();
        assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);

        JsonNode pdb = only("PodDisruptionBudget");
        assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
        assertThat(only("Service").at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
    }

    @Test
    void runsAsNonRootOnAReadOnlyRootWithNoCapabilities() {
        JsonNode pod = only("Deployment").at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        JsonNode security = container.get("securityContext");
        assertThat(security.at("/runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.at("/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.at("/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(security.at("/capabilities/drop")).extracting(JsonNode::asString).containsExactly("ALL");
        assertThat(security.at("/capabilities/add").isMissingNode()).isTrue();
        assertThat(security.at("/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
        // the image's user (pom.xml, profile image) is numeric and not root
        assertThat(security.at("/runAsUser").asInt()).isEqualTo(65532);

        // the only writable places: the data volume (AFTERCARE_DATA_DIR) and /tmp as an emptyDir
        Map<String, String> mounts = new java.util.HashMap<>();
        container.get("volumeMounts").forEach(m -> mounts.put(m.get("mountPath").asString(), m.get("name").asString()));
        assertThat(mounts).containsOnlyKeys("/data", "/tmp");
        JsonNode tmp = volume(pod, mounts.get("/tmp"));
        assertThat(tmp.has("emptyDir")).isTrue();
        assertThat(only("ConfigMap").at("/data/AFTERCARE_DATA_DIR").asString()).isEqualTo("/data");
        assertThat(volume(pod, mounts.get("/data")).has("persistentVolumeClaim")).isTrue();
    }

    static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode v : pod.get("volumes")) {
            if (v.get("name").asString().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    @Test
    void configurationNamesAreOnesAftercareDocuments() throws IOException {
        String documented = Files.readString(Path.of("README.md")) + Files.readString(Path.of("docs/operations.md"));
        List<String> names = new ArrayList<>();
        only("ConfigMap").get("data").properties().forEach(e -> names.add(e.getKey()));
        only("Secret").get("stringData").properties().forEach(e -> names.add(e.getKey()));
        assertThat(names).contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
            "AFTERCARE_PUBLIC_URL", "AFTERCARE_METRICS_TOKEN");
        List<String> undocumented = names.stream()
            .filter(name -> !documented.contains("`" + name + "`") && !documented.contains("`" + name + "="))
            .toList();
        assertThat(undocumented).as("settings not documented in README.md or docs/operations.md").isEmpty();
    }
}
