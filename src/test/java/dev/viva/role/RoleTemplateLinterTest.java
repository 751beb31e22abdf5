package dev.viva.role;

import org.junit.jupiter.api.Test;

import static dev.viva.testing.Roles.lineOf;
import static dev.viva.testing.Roles.tinyYaml;
import static org.assertj.core.api.Assertions.assertThat;

/** The linter and the validation publishing relies on: severities, paths and the YAML lines they point at. */
class RoleTemplateLinterTest {

    @Test
    void aSmallValidTemplateIsPublishableWithWarningsAboutItsDepth() {
        String yaml = tinyYaml("tiny-role");
        TemplateValidation v = TemplateValidation.of("upload", null, yaml);
        assertThat(v.publishable()).isTrue();
        assertThat(v.issues()).isNotEmpty().allSatisfy(i -> {
            assertThat(i.severity()).isEqualTo(RoleTemplateLinter.Severity.WARNING);
            assertThat(i.origin()).isEqualTo(TemplateValidation.Origin.LINTER);
        });
        assertThat(v.issues()).anySatisfy(i -> {
            assertThat(i.path()).isEqualTo("questions");
            assertThat(i.message()).contains("level junior has 6 questions");
            assertThat(i.line()).isEqualTo(lineOf(yaml, "questions:"));
        });
        // the question without probes ("inter") is the third: its probes are missing, so the line is the question's
        assertThat(v.issues()).anySatisfy(i -> {
            assertThat(i.path()).isEqualTo("questions[2].probes");
            assertThat(i.message()).contains("inter: key point 'use the query plan' has 0 probes");
            assertThat(i.line()).isEqualTo(lineOf(yaml, "- id: inter"));
        });
        assertThat(v.issues()).anySatisfy(i -> assertThat(i.path()).isEqualTo("about")
                .satisfies(p -> assertThat(i.message()).contains("no 'team' topic")));
    }

    @Test
    void rubricWordsInWhatACandidateHearsAreErrorsThatBlockPublishing() {
        String yaml = tinyYaml("tiny-role").replace("hint: \"Think about memory.\"",
                "hint: \"The key point is memory; we grade on the rubric.\"");
        TemplateValidation v = TemplateValidation.of("upload", null, yaml);
        assertThat(v.publishable()).isFalse();
        assertThat(v.issues().getFirst()).satisfies(i -> {
            assertThat(i.severity()).isEqualTo(RoleTemplateLinter.Severity.ERROR);
            assertThat(i.path()).isEqualTo("questions[1].hint");
            assertThat(i.line()).isEqualTo(lineOf(yaml, "The key point is memory"));
            assertThat(i.message()).contains("gives the rubric away ('key point')");
        });
    }

    @Test
    void aParserErrorIsTheOnlyIssueAndNamesItsLine() {
        String yaml = tinyYaml("tiny-role").replace("    difficulty: 3", "    difficulty: 9");
        TemplateValidation v = TemplateValidation.of("upload", null, yaml);
        assertThat(v.publishable()).isFalse();
        assertThat(v.template()).isNull();
        assertThat(v.issues()).singleElement().satisfies(i -> {
            assertThat(i.origin()).isEqualTo(TemplateValidation.Origin.PARSER);
            assertThat(i.path()).isEqualTo("questions[2].difficulty");
            assertThat(i.line()).isEqualTo(lineOf(yaml, "difficulty: 9"));
            assertThat(i.message()).isEqualTo("must be 1-5, was 9");
        });
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() {
        String yaml = tinyYaml("tiny-role").replace("  style: calm and precise", "  style: calm: and: precise");
        TemplateValidation v = TemplateValidation.of("upload", null, yaml);
        assertThat(v.issues()).singleElement().satisfies(i -> {
            assertThat(i.message()).startsWith("not readable YAML");
            assertThat(i.line()).isNotNull().isEqualTo(lineOf(yaml, "style: calm: and"));
        });
    }

    @Test
    void anUnknownFieldIsNamedByItsPath() {
        String yaml = tinyYaml("tiny-role").replace("    hint: \"Think about memory.\"", "    hnit: \"Think about memory.\"");
        TemplateValidation v = TemplateValidation.of("upload", null, yaml);
        assertThat(v.issues()).singleElement().satisfies(i -> {
            assertThat(i.path()).isEqualTo("questions[1].hnit");
            assertThat(i.message()).isEqualTo("unknown field 'hnit'");
            assertThat(i.line()).isEqualTo(lineOf(yaml, "hnit:"));
        });
    }
}
