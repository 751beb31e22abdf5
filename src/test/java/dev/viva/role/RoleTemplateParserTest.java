package dev.viva.role;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleTemplateParserTest {

    private static String fixture() throws IOException {
        try (InputStream in = RoleTemplateParserTest.class.getResourceAsStream("/role-fixtures/tiny-role.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static RoleTemplate parse(String yaml) {
        return RoleTemplateParser.parse("tiny-role.yaml", "tiny-role",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parsesAValidTemplate() throws IOException {
        RoleTemplate t = parse(fixture());
        assertThat(t.id()).isEqualTo("tiny-role");
        assertThat(t.totalMinutes()).isEqualTo(40);
        assertThat(t.questionsFor(Level.SENIOR)).hasSize(6);
        assertThat(t.question("found")).get().extracting(RoleTemplate.Question::phase).isEqualTo(Phase.FOUNDATION);
        assertThat(t.dimension("technical")).get().extracting(RoleTemplate.Dimension::weight).isEqualTo(60);
        assertThat(t.question("found").orElseThrow().probesFor("threads of one process share memory"))
                .containsExactly("What do two threads of the same program see when one of them changes a variable?");
        assertThat(t.about()).extracting(RoleTemplate.AboutTopic::topic).containsExactly("on-call");
        // a phase without a count asks one main question per four minutes of its budget
        assertThat(t.phases().get(3).questions()).isEqualTo(3);
    }

    static Stream<Arguments> brokenTemplates() {
        return Stream.of(
                Arguments.of("weight: 60", "weight: 50", "dimensions: weights must sum to 100, they sum to 90"),
                Arguments.of("id: tiny-role", "id: Tiny Role", "id: must be lower-case words"),
                Arguments.of("id: tiny-role", "id: other-role", "'other-role' does not match the file name"),
                Arguments.of("    difficulty: 3", "    difficulty: 9", "questions[2].difficulty: must be 1-5, was 9"),
                Arguments.of("    dimensions: [technical]\n    text: \"What is the difference",
                        "    dimensions: [tech]\n    text: \"What is the difference",
                        "questions[1].dimensions: unknown dimension 'tech'"),
                Arguments.of("    levels: [junior, mid, senior]\n    difficulty: 2\n    kind: technical",
                        "    levels: [junior, expert]\n    difficulty: 2\n    kind: technical",
                        "questions[1].levels[1]: unknown level 'expert'"),
                Arguments.of("  - {phase: wrap-up, minutes: 2", "  - {phase: wrap-up, minutes: 0",
                        "phases[5].minutes: must be 1-120, was 0"),
                Arguments.of("  - {phase: soft-skills, minutes: 6, goal: \"Teamwork and growth.\"}\n", "",
                        "phases: must list every phase once in interview order"),
                Arguments.of("name: Tiny Role", "title: Tiny Role", "title: unknown field 'title'"),
                Arguments.of("    hint: \"Pick one specific situation.\"", "    hint: \"  \"",
                        "questions[4].hint: is required and must not be blank"),
                Arguments.of("  senior: {years: \"5+\", expectations: \"Depth, trade-offs and leadership.\"}", "",
                        "levels: must define junior, mid and senior"),
                Arguments.of("    kind: behavioural", "    kind: chatty", "questions[4].kind: unknown kind 'chatty'"),
                Arguments.of("      \"threads of one process share memory\":", "      \"threads share memory\":",
                        "questions[1].probes: 'threads share memory' is not one of the question's key points"),
                Arguments.of("when one of them changes a variable?", "when one of them changes a variable",
                        "must be a whole question ending with '?'"),
                Arguments.of("    cues: [on-call, pager]", "    cues: []", "about[0].cues: needs at least one cue"),
                Arguments.of("  - {phase: foundation, minutes: 8,", "  - {phase: foundation, minutes: 8, questions: 0,",
                        "phases[1].questions: must be 1-20, was 0"));
    }

    /** Each broken variant must be refused with a message naming the file and the field at fault. */
    @ParameterizedTest(name = "{2}")
    @MethodSource("brokenTemplates")
    void rejectsBrokenTemplatesNamingFileAndField(String find, String replace, String expected) throws IOException {
        String original = fixture();
        assertThat(original).contains(find);
        String broken = original.replace(find, replace);
        assertThatThrownBy(() -> parse(broken))
                .isInstanceOf(InvalidRoleTemplateException.class)
                .hasMessageStartingWith("role template tiny-role.yaml: ")
                .hasMessageContaining(expected);
    }

    @Test
    void rejectsAPhaseWithoutQuestionsForALevel() throws IOException {
        String broken = fixture().replace("    levels: [junior, mid, senior]\n    difficulty: 4",
                "    levels: [junior, mid]\n    difficulty: 4");
        assertThatThrownBy(() -> parse(broken))
                .hasMessageContaining("no question for level senior in phase system-design");
    }

    @Test
    void rejectsMalformedYaml() {
        assertThatThrownBy(() -> parse("id: [unclosed"))
                .isInstanceOf(InvalidRoleTemplateException.class)
                .hasMessageStartingWith("role template tiny-role.yaml: ");
        assertThatThrownBy(() -> parse(""))
                .hasMessageContaining("the file is empty");
    }
}
