package dev.viva.platform.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every overlay under k8s/ with {@code kubectl kustomize}, reads each object into the fabric8 Kubernetes model
 * (refusing any field the model does not know, which is how a typo such as {@code readinesProbe} would otherwise
 * slip through a YAML parse) and checks what running several replicas depends on.
 */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper MODEL = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("Namespace", Namespace.class), Map.entry("ConfigMap", ConfigMap.class),
            Map.entry("Secret", Secret.class), Map.entry("Service", Service.class),
            Map.entry("PersistentVolumeClaim", PersistentVolumeClaim.class), Map.entry("Deployment", Deployment.class),
            Map.entry("StatefulSet", StatefulSet.class), Map.entry("Job", Job.class),
            Map.entry("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class), Map.entry("Ingress", Ingress.class),
            Map.entry("NetworkPolicy", NetworkPolicy.class), Map.entry("PodDisruptionBudget", PodDisruptionBudget.class));

    private static boolean kubectl() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static List<HasMetadata> render(String overlay) throws Exception {
        Assumptions.assumeTrue(kubectl(), "kubectl (with kustomize) is needed to render k8s/overlays");
        Process p = new ProcessBuilder("kubectl", "kustomize", "k8s/overlays/" + overlay).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(err).isTrue();
        List<HasMetadata> objects = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(out)) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                String kind = doc.path("kind").asText();
                Class<? extends HasMetadata> type = KINDS.get(kind);
                assertThat(type).as("a test for the kind '%s' rendered from %s", kind, overlay).isNotNull();
                HasMetadata object = MODEL.treeToValue(doc, type);
                List<String> unknown = new ArrayList<>();
                unknownFields(object, kind + "/" + object.getMetadata().getName(), unknown,
                        Collections.newSetFromMap(new IdentityHashMap<>()));
                assertThat(unknown).as("fields the Kubernetes model does not know").isEmpty();
                objects.add(object);
            }
        }
        return objects;
    }

    /** fabric8 keeps unknown fields in additionalProperties instead of failing: walk the object and report them. */
    private static void unknownFields(Object o, String path, List<String> out, Set<Object> seen) throws Exception {
        if (o == null || !o.getClass().getName().startsWith("io.fabric8") || !seen.add(o)) {
            if (o instanceof Collection<?> c) {
                int i = 0;
                for (Object item : c) {
                    unknownFields(item, path + "[" + i++ + "]", out, seen);
                }
            } else if (o instanceof Map<?, ?> m && !path.endsWith("additionalProperties")) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    unknownFields(e.getValue(), path + "." + e.getKey(), out, seen);
                }
            }
            return;
        }
        for (Method getter : o.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = getter.invoke(o);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + ": " + extra.keySet());
                }
            } else {
                unknownFields(value, path + "." + getter.getName().substring(3), out, seen);
            }
        }
    }

    private static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type, String name) {
        return all(objects, type).stream().filter(o -> o.getMetadata().getName().startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "production"})
    void everyOverlayRendersIntoValidObjectsThatKeepTheInvariants(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        Deployment deployment = one(objects, Deployment.class, "viva");
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container viva = pod.getContainers().getFirst();
        Map<String, String> config = one(objects, ConfigMap.class, "viva").getData();

        // several replicas, spread over nodes, never below capacity during an upgrade
        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
                .anySatisfy(t -> assertThat(t.getPodAffinityTerm().getTopologyKey())
                        .isEqualTo("kubernetes.io/hostname"));

        // draining: readiness is the endpoint that goes DOWN, the preStop pause and the socket grace fit the budget
        assertThat(viva.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(viva.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        List<String> preStop = viva.getLifecycle().getPreStop().getExec().getCommand();
        assertThat(preStop.getFirst()).isEqualTo("sleep");
        long pause = Long.parseLong(preStop.get(1));
        long grace = Duration.parse(config.get("VIVA_VOICE_SHUTDOWN_GRACE")).toSeconds();
        assertThat(pod.getTerminationGracePeriodSeconds()).as("preStop pause + socket grace + 10 s for the rest")
                .isGreaterThanOrEqualTo(pause + grace + 10);

        // resources sized, non-root, secrets from a Secret, scraped by Prometheus
        for (Container c : concat(pod.getInitContainers(), pod.getContainers())) {
            assertThat(c.getResources().getRequests()).as(c.getName()).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as(c.getName()).containsKey("memory");
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(c.getName()).isFalse();
        }
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(viva.getEnvFrom()).anySatisfy(e -> assertThat(e.getSecretRef()).isNotNull());
        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/q/metrics");

        // the model comes read-only from the volume the Job fills; no replica downloads it
        assertThat(config).containsEntry("VIVA_STT_DOWNLOAD", "false");
        Volume model = pod.getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null).findFirst()
                .orElseThrow();
        assertThat(model.getPersistentVolumeClaim().getReadOnly()).isTrue();
        String mountPath = viva.getVolumeMounts().stream().filter(m -> m.getName().equals(model.getName()))
                .findFirst().orElseThrow().getMountPath();
        assertThat(config.get("VIVA_STT_MODEL")).startsWith(mountPath + "/");
        Job job = one(objects, Job.class, "viva-whisper-model");
        String claim = model.getPersistentVolumeClaim().getClaimName();
        assertThat(job.getSpec().getTemplate().getSpec().getVolumes())
                .anySatisfy(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo(claim));
        String modelName = job.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .filter(e -> e.getName().equals("MODEL")).findFirst().orElseThrow().getValue();
        assertThat(config.get("VIVA_STT_MODEL")).endsWith("/ggml-" + modelName + ".bin");
        assertThat(one(objects, PersistentVolumeClaim.class, claim)).isNotNull();

        // the pieces point at each other
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Service service = one(objects, Service.class, "viva");
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(viva.getPorts()).anySatisfy(p -> assertThat(p.getName())
                .isEqualTo(service.getSpec().getPorts().getFirst().getTargetPort().getStrVal()));
        PodDisruptionBudget pdb = one(objects, PodDisruptionBudget.class, "viva");
        assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        HorizontalPodAutoscaler hpa = one(objects, HorizontalPodAutoscaler.class, "viva");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.getSpec().getMetrics()).anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
        Ingress ingress = one(objects, Ingress.class, "viva");
        assertThat(ingress.getSpec().getRules().getFirst().getHttp().getPaths().getFirst().getBackend().getService()
                .getName()).isEqualTo(service.getMetadata().getName());
        // an interview's socket outlives any default proxy idle timeout
        assertThat(Long.parseLong(ingress.getMetadata().getAnnotations()
                .get("nginx.ingress.kubernetes.io/proxy-read-timeout"))).isGreaterThanOrEqualTo(3600);
        NetworkPolicy policy = one(objects, NetworkPolicy.class, "viva");
        assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getIngress()).anySatisfy(r -> assertThat(r.getPorts())
                .anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(8080)));
        assertThat(policy.getSpec().getEgress()).anySatisfy(r -> assertThat(r.getPorts())
                .anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(5432)));
    }

    @Test
    void theDemoRunsItsOwnDatabaseWhichTheConnectionStringNames() throws Exception {
        List<HasMetadata> objects = render("demo");
        StatefulSet postgres = one(objects, StatefulSet.class, "viva-postgres");
        Service dbService = one(objects, Service.class, "viva-postgres");
        assertThat(postgres.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(dbService.getSpec().getSelector());
        String secretName = one(objects, Deployment.class, "viva").getSpec().getTemplate().getSpec().getContainers()
                .getFirst().getEnvFrom().stream().filter(e -> e.getSecretRef() != null).findFirst().orElseThrow()
                .getSecretRef().getName();
        Secret secret = all(objects, Secret.class).stream()
                .filter(s -> s.getMetadata().getName().equals(secretName)).findFirst().orElseThrow();
        String url = new String(Base64.getDecoder().decode(secret.getData().get("QUARKUS_DATASOURCE_JDBC_URL")),
                StandardCharsets.UTF_8);
        assertThat(url).isEqualTo("jdbc:postgresql://" + dbService.getMetadata().getName() + ":5432/viva");
        assertThat(one(objects, PersistentVolumeClaim.class, "viva-whisper-model").getSpec().getAccessModes())
                .containsExactly("ReadWriteOnce");
    }

    @Test
    void productionUsesAnExternalDatabaseAndASecretTheOperatorCreates() throws Exception {
        List<HasMetadata> objects = render("production");
        assertThat(all(objects, StatefulSet.class)).isEmpty();
        assertThat(all(objects, Secret.class)).as("no credentials in the repository").isEmpty();
        assertThat(one(objects, PersistentVolumeClaim.class, "viva-whisper-model").getSpec().getAccessModes())
                .containsExactly("ReadWriteMany");
        assertThat(one(objects, Ingress.class, "viva").getSpec().getTls()).isNotEmpty();
    }

    @Test
    void theImageRunsAsANonRootUserOnJava25() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/main/docker/Dockerfile.jvm"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("FROM \\S*(temurin|openjdk)\\S*:25\\S*.*"));
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user.substring(5).strip()).isNotIn("0", "root");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("target/quarkus-app"));
    }

    private static List<Container> concat(List<Container> a, List<Container> b) {
        List<Container> all = new ArrayList<>(a == null ? List.of() : a);
        all.addAll(b);
        return all;
    }
}
