package dev.viva.role;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A template document checked the way publishing checks it: the parser's error (the template cannot be used; the
 * parser stops at the first) or else the linter's findings, each with its path and, from the YAML, its line.
 *
 * @param template the parsed template; null when the parser refused it
 */
public record TemplateValidation(RoleTemplate template, List<Issue> issues) {

    /** Who found an issue: the parser (the template cannot be used at all) or the linter. */
    public enum Origin {
        PARSER, LINTER;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param path where in the document ({@code questions[3].probes}); empty for the document as a whole
     * @param line the 1-based line in the YAML the path starts at; null when unknown
     */
    @RegisterForReflection
    public record Issue(RoleTemplateLinter.Severity severity, Origin origin, String path, Integer line,
                        String message) {
    }

    public TemplateValidation {
        issues = List.copyOf(issues);
    }

    /** @param expectedId the id the document must have; null accepts any */
    public static TemplateValidation of(String source, String expectedId, String yaml) {
        YamlLines lines = YamlLines.of(yaml);
        try {
            RoleTemplate t = RoleTemplateParser.parse(source, expectedId,
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
            return new TemplateValidation(t, RoleTemplateLinter.lint(t).stream()
                    .map(f -> new Issue(f.severity(), Origin.LINTER, f.path(), lines.line(f.path()), f.message()))
                    .toList());
        } catch (InvalidRoleTemplateException e) {
            // the field's own line is more precise than where the reader was when it gave up
            Integer line = lines.line(e.field()) != null ? lines.line(e.field()) : e.line();
            return new TemplateValidation(null, List.of(new Issue(RoleTemplateLinter.Severity.ERROR, Origin.PARSER,
                    e.field(), line, e.problem())));
        }
    }

    /** No errors: the parser accepted it and the linter found nothing that would harm a candidate. */
    public boolean publishable() {
        return template != null && issues.stream().noneMatch(i -> i.severity() == RoleTemplateLinter.Severity.ERROR);
    }
}
