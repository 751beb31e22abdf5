package dev.viva.role;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.viva.platform.error.JsonPaths;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads one role template from YAML and checks everything the interviewer and the assessment rely on, so a broken
 * template stops the server at start-up instead of surfacing mid-interview.
 */
public final class RoleTemplateParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private RoleTemplateParser() {
    }

    /**
     * @param source     the file name, used in error messages and checked against the template id
     * @param expectedId the id the file name implies; null accepts any valid id (a new template's upload)
     */
    public static RoleTemplate parse(String source, String expectedId, InputStream yaml) {
        RoleTemplate template;
        try {
            byte[] bytes = yaml.readAllBytes();
            if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                throw new InvalidRoleTemplateException(source, "", "the file is empty");
            }
            template = YAML.readValue(bytes, RoleTemplate.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRoleTemplateException(source, JsonPaths.of(e), "unknown field '" + e.getPropertyName() + "'",
                    line(e));
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            // a YAML syntax error met while mapping a field arrives wrapped, with the field's path
            if (e.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof JsonMappingException)) {
                throw new InvalidRoleTemplateException(source, "", "not readable YAML: "
                        + firstLine(syntax.getOriginalMessage()), line(syntax));
            }
            throw new InvalidRoleTemplateException(source, JsonPaths.of(e), firstLine(cause.getMessage()), line(e));
        } catch (JsonProcessingException e) {
            throw new InvalidRoleTemplateException(source, "", "not readable YAML: " + firstLine(e.getOriginalMessage()),
                    line(e));
        } catch (IOException e) {
            throw new InvalidRoleTemplateException(source, "", "not readable YAML: " + firstLine(e.getMessage()));
        }
        if (template == null) {
            throw new InvalidRoleTemplateException(source, "", "the file holds no template");
        }
        validate(source, expectedId, template);
        return template;
    }

    private static void validate(String src, String expectedId, RoleTemplate t) {
        require(src, "id", t.id() != null && t.id().matches("[a-z0-9]+(-[a-z0-9]+)*"),
                () -> "must be lower-case words joined by '-', was '" + t.id() + "'");
        require(src, "id", expectedId == null || t.id().equals(expectedId),
                () -> "'" + t.id() + "' does not match the file name (or the template being edited) '" + expectedId + "'");
        text(src, "name", t.name());
        text(src, "description", t.description());
        require(src, "persona", t.persona() != null, () -> "is required");
        text(src, "persona.name", t.persona().name());
        text(src, "persona.style", t.persona().style());
        text(src, "persona.greeting", t.persona().greeting());
        require(src, "persona.avoid", t.persona().avoid() != null, () -> "is required (may be an empty list)");

        require(src, "levels", t.levels() != null && t.levels().keySet().containsAll(EnumSet.allOf(Level.class)),
                () -> "must define junior, mid and senior");
        for (Map.Entry<Level, RoleTemplate.LevelSpec> e : t.levels().entrySet()) {
            String f = "levels." + e.getKey().id();
            require(src, f, e.getValue() != null, () -> "is required");
            text(src, f + ".years", e.getValue().years());
            text(src, f + ".expectations", e.getValue().expectations());
        }

        require(src, "phases", t.phases() != null && !t.phases().isEmpty(), () -> "is required");
        List<Phase> order = t.phases().stream().map(RoleTemplate.PhaseSpec::phase).toList();
        require(src, "phases", order.equals(List.of(Phase.values())),
                () -> "must list every phase once in interview order " + List.of(Phase.values()) + ", was " + order);
        for (int i = 0; i < t.phases().size(); i++) {
            RoleTemplate.PhaseSpec p = t.phases().get(i);
            String f = "phases[" + i + "]";
            require(src, f + ".minutes", p.minutes() > 0 && p.minutes() <= 120, () -> "must be 1-120, was " + p.minutes());
            require(src, f + ".questions", p.questions() >= 1 && p.questions() <= 20,
                    () -> "must be 1-20, was " + p.questions());
            text(src, f + ".goal", p.goal());
        }

        require(src, "dimensions", t.dimensions() != null && !t.dimensions().isEmpty(), () -> "is required");
        Set<String> dimensionIds = new HashSet<>();
        int weights = 0;
        for (int i = 0; i < t.dimensions().size(); i++) {
            RoleTemplate.Dimension d = t.dimensions().get(i);
            String f = "dimensions[" + i + "]";
            text(src, f + ".id", d.id());
            text(src, f + ".name", d.name());
            text(src, f + ".description", d.description());
            require(src, f + ".weight", d.weight() > 0, () -> "must be positive, was " + d.weight());
            require(src, f + ".id", dimensionIds.add(d.id()), () -> "duplicate dimension '" + d.id() + "'");
            weights += d.weight();
        }
        int total = weights;
        require(src, "dimensions", total == 100, () -> "weights must sum to 100, they sum to " + total);

        require(src, "questions", t.questions() != null && !t.questions().isEmpty(), () -> "is required");
        Set<String> questionIds = new HashSet<>();
        for (int i = 0; i < t.questions().size(); i++) {
            RoleTemplate.Question q = t.questions().get(i);
            String f = "questions[" + i + "]";
            text(src, f + ".id", q.id());
            require(src, f + ".id", questionIds.add(q.id()), () -> "duplicate question id '" + q.id() + "'");
            require(src, f + ".phase", q.phase() != null, () -> "is required");
            require(src, f + ".levels", q.levels() != null && !q.levels().isEmpty(), () -> "needs at least one level");
            require(src, f + ".difficulty", q.difficulty() >= 1 && q.difficulty() <= 5,
                    () -> "must be 1-5, was " + q.difficulty());
            require(src, f + ".kind", q.kind() != null, () -> "is required");
            require(src, f + ".dimensions", q.dimensions() != null && !q.dimensions().isEmpty(),
                    () -> "needs at least one dimension");
            for (String d : q.dimensions()) {
                require(src, f + ".dimensions", dimensionIds.contains(d),
                        () -> "unknown dimension '" + d + "' (defined: " + dimensionIds + ")");
            }
            text(src, f + ".text", q.text());
            require(src, f + ".keyPoints", q.keyPoints() != null, () -> "is required");
            require(src, f + ".misconceptions", q.misconceptions() != null, () -> "is required (may be empty)");
            if (q.kind() != QuestionKind.CONVERSATIONAL) {
                require(src, f + ".keyPoints", q.keyPoints().size() + q.criteria().size() >= 2,
                        () -> "needs at least two key points or criteria");
                text(src, f + ".idealAnswer", q.idealAnswer());
                text(src, f + ".hint", q.hint());
            }
            q.keyPoints().forEach(k -> text(src, f + ".keyPoints", k));
            q.criteria().forEach(k -> text(src, f + ".criteria", k));
            q.misconceptions().forEach(m -> text(src, f + ".misconceptions", m));
            for (Map.Entry<String, List<String>> probe : q.probes().entrySet()) {
                require(src, f + ".probes", q.keyPoints().contains(probe.getKey()),
                        () -> "'" + probe.getKey() + "' is not one of the question's key points");
                require(src, f + ".probes", probe.getValue() != null && !probe.getValue().isEmpty(),
                        () -> "'" + probe.getKey() + "' needs at least one probe");
                for (String ask : probe.getValue()) {
                    require(src, f + ".probes", ask != null && ask.strip().endsWith("?"),
                            () -> "'" + ask + "' must be a whole question ending with '?'");
                }
            }
        }
        Set<String> topics = new HashSet<>();
        for (int i = 0; i < t.about().size(); i++) {
            RoleTemplate.AboutTopic a = t.about().get(i);
            String f = "about[" + i + "]";
            text(src, f + ".topic", a.topic());
            require(src, f + ".topic", topics.add(a.topic()), () -> "duplicate topic '" + a.topic() + "'");
            require(src, f + ".cues", a.cues() != null && !a.cues().isEmpty(), () -> "needs at least one cue");
            a.cues().forEach(c -> text(src, f + ".cues", c));
            text(src, f + ".answer", a.answer());
        }
        for (Level level : Level.values()) {
            for (Phase phase : Phase.values()) {
                require(src, "questions", t.questions().stream()
                                .anyMatch(q -> q.phase() == phase && q.levels().contains(level)),
                        () -> "no question for level " + level.id() + " in phase " + phase.id());
            }
        }
    }

    private static void text(String src, String field, String value) {
        require(src, field, value != null && !value.isBlank(), () -> "is required and must not be blank");
    }

    private static void require(String src, String field, boolean ok, Supplier<String> problem) {
        if (!ok) {
            throw new InvalidRoleTemplateException(src, field, problem.get());
        }
    }

    private static Integer line(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? null : e.getLocation().getLineNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
