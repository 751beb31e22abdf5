package dev.viva.tts;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SegmenterTest {

    private static final Pattern UNSPEAKABLE = Pattern.compile("—|\\.\\.\\.|:\\)");

    @Test
    void splitsSentencesAtTheirEndingPunctuation() {
        assertThat(Segmenter.split("Hi Ada, I'm Sophia. Shall we start? Great! Let's go…  Ready", 150))
                .containsExactly("Hi Ada, I'm Sophia.", "Shall we start?", "Great!", "Let's go…", "Ready");
    }

    @Test
    void keepsAbbreviationsInitialsAndNumbersInsideTheirSentence() {
        String text = "Use a tuple, e.g. For fixed records. Python 3.5 added it, i.e. In 2015. "
                + "Dr. Smith and J. R. Tolkien agree vs. Mr. Jones. It costs $3.50 at example.com. Done.";
        assertThat(Segmenter.split(text, 150)).containsExactly(
                "Use a tuple, e.g. For fixed records.",
                "Python 3.5 added it, i.e. In 2015.",
                "Dr. Smith and J. R. Tolkien agree vs. Mr. Jones.",
                "It costs $3.50 at example.com.",
                "Done.");
    }

    @Test
    void aPeriodBeforeALowerCaseWordDoesNotEndTheSentence() {
        assertThat(Segmenter.split("Name one, etc. and then stop. \"Really?\" she asked.", 150))
                .containsExactly("Name one, etc. and then stop.", "\"Really?\" she asked.");
    }

    @Test
    void closingQuotesAndBracketsStayWithTheirSentence() {
        assertThat(Segmenter.split("He said \"yes.\" Then (briefly.) We moved on.", 150))
                .containsExactly("He said \"yes.\"", "Then (briefly.)", "We moved on.");
    }

    @Test
    void paragraphBreaksEndASegmentButSingleLineBreaksDoNot() {
        assertThat(Segmenter.split("First point\nstill first\n\n  Second point", 150))
                .containsExactly("First point\nstill first", "Second point");
    }

    @Test
    void longSentencesAreSplitAtTheStrongestClauseBoundaryWithinTheLimit() {
        String text = "When a request arrives, the gateway authenticates it, applies the rate limit and routes it; "
                + "the service then validates the payload, writes it to the database and publishes an event.";
        List<String> segments = Segmenter.split(text, 100);
        assertThat(segments).containsExactly(
                "When a request arrives, the gateway authenticates it, applies the rate limit and routes it;",
                "the service then validates the payload, writes it to the database and publishes an event.");
    }

    @Test
    void commasAreUsedWhenThereIsNoStrongerBoundary() {
        String text = "We looked at caching the responses at the edge, keeping a warm pool of connections to the "
                + "database, and batching the writes that arrive together";
        List<String> segments = Segmenter.split(text, 80);
        assertThat(segments).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(80));
        assertThat(segments.getFirst()).endsWith("edge,");
        assertThat(segments.get(1)).endsWith("database,");
        assertCoverage(text, segments);
    }

    @Test
    void aSentenceWithoutPunctuationIsSplitBetweenWordsNeverInsideOne() {
        String giant = "supercalifragilisticexpialidociousandthensomemorelettersforgood";
        String text = "word ".repeat(60) + giant + " end";
        List<String> segments = Segmenter.split(text, 40);
        assertThat(segments).allSatisfy(s -> assertThat(s).doesNotStartWith(" ").doesNotEndWith(" "));
        assertThat(segments).filteredOn(s -> s.length() > 40)
                .containsExactly(giant);
        assertCoverage(text, segments);
    }

    @Test
    void piecesWithNothingToPronounceJoinTheirNeighbour() {
        assertThat(Segmenter.split("Well. ... Right then.", 150)).containsExactly("Well. ...", "Right then.");
        assertThat(Segmenter.split("... Right then. :)", 150)).containsExactly("... Right then. :)");
        assertThat(Segmenter.split("...", 150)).containsExactly("...");
    }

    @Test
    void blankTextHasNoSegments() {
        assertThat(Segmenter.split("", 150)).isEmpty();
        assertThat(Segmenter.split(" \n\t ", 150)).isEmpty();
    }

    @Test
    void everyWordBelongsToExactlyOneSegmentInOrder() {
        Random random = new Random(7);
        String[] words = {"the", "API", "e.g.", "3.5", "Dr.", "returns", "a", "value", "and", "then", "fails", "U.S.",
                "(briefly)", "\"quoted\"", "—", "...", ":)", "x"};
        String[] punctuation = {"", "", "", ",", ".", "?", "!", ";", ":", " -", "\n\n"};
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "  " : "");
            int length = 1 + random.nextInt(80);
            for (int i = 0; i < length; i++) {
                String word = words[random.nextInt(words.length)];
                text.append(random.nextInt(5) == 0 ? capitalised(word) : word)
                        .append(punctuation[random.nextInt(punctuation.length)])
                        .append(random.nextInt(10) == 0 ? "  " : " ");
            }
            int maxChars = 20 + random.nextInt(130);
            List<String> segments = Segmenter.split(text.toString(), maxChars);
            assertCoverage(text.toString(), segments);
            if (!UNSPEAKABLE.matcher(text).find()) { // those join a neighbour, whatever its length
                assertThat(segments).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(maxChars));
            }
        }
    }

    /** The segments are trimmed, non-blank substrings in order, with only whitespace between and around them. */
    private static void assertCoverage(String text, List<String> segments) {
        int at = 0;
        for (String segment : segments) {
            assertThat(segment).isNotBlank().isEqualTo(segment.strip());
            int found = text.indexOf(segment, at);
            assertThat(found).as("segment %s found after %d in %s", segment, at, text).isGreaterThanOrEqualTo(0);
            assertThat(text.substring(at, found)).isBlank();
            at = found + segment.length();
        }
        assertThat(text.substring(at)).isBlank();
        List<String> words = new ArrayList<>();
        segments.forEach(s -> words.addAll(Arrays.asList(s.split("\\s+"))));
        assertThat(words).containsExactlyElementsOf(
                text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+")));
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
