package dev.viva.voice;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, while the interviewer is speaking, whether the candidate's speech is a backchannel (a short "mm-hm" or
 * "okay" that says "go on") or a barge-in that should stop the interviewer. Duration decides first, because it is
 * known in real time without waiting for a transcript; the words decide when a transcript exists, because a slow
 * "okaaay" can outlast the duration limit and a short "wait" is a real interruption.
 */
public final class BackchannelDetector {

    /** What a stretch of candidate speech during interviewer speech is. */
    public enum Verdict {
        /** Too early to tell: speech is going on but shorter than the backchannel limit. */
        UNDECIDED,
        /** An acknowledgement: ignore it, keep speaking, never record it as an answer. */
        BACKCHANNEL,
        /** A real interruption: stop the interviewer's audio. */
        BARGE_IN
    }

    private static final Pattern NON_WORD = Pattern.compile("[^a-z' ]+");
    private static final Set<String> BACKCHANNEL_WORDS = Set.of(
            "mm", "mmm", "mhm", "mm hm", "mmhm", "hm", "hmm", "uh huh", "uhhuh", "ah", "oh",
            "okay", "ok", "right", "yeah", "yes", "yep", "yup", "sure", "i see", "got it", "alright", "all right",
            "cool", "nice", "true", "exactly", "indeed", "makes sense");

    private final int maxBackchannelMs;

    public BackchannelDetector(VoiceConfig.Backchannel config) {
        this.maxBackchannelMs = config.maxMs();
    }

    /**
     * Verdict from the voice activity detector alone.
     *
     * @param speechMs voiced span so far of the candidate's current speech
     * @param ended    whether that speech has ended (turn end detected)
     */
    public Verdict classify(long speechMs, boolean ended) {
        if (speechMs > maxBackchannelMs) {
            return Verdict.BARGE_IN;
        }
        return ended ? Verdict.BACKCHANNEL : Verdict.UNDECIDED;
    }

    /**
     * Verdict once the words are known: an utterance made only of acknowledgement words ("okay", "mm-hm, right") is a
     * backchannel however long it took to say; anything else is an interruption.
     */
    public static Verdict classify(String transcript) {
        return isBackchannelPhrase(transcript) ? Verdict.BACKCHANNEL : Verdict.BARGE_IN;
    }

    /** Whether the transcript consists only of acknowledgement words, ignoring punctuation and case. */
    public static boolean isBackchannelPhrase(String transcript) {
        if (transcript == null) {
            return false;
        }
        String normalised = NON_WORD.matcher(transcript.toLowerCase(Locale.ROOT).replace('-', ' '))
                .replaceAll(" ").trim().replaceAll(" +", " ");
        if (normalised.isEmpty()) {
            return false;
        }
        // "mm hm okay" = several acknowledgements in a row; try the longest known phrase at each position
        String[] words = normalised.split(" ");
        int i = 0;
        while (i < words.length) {
            int matched = 0;
            for (int len = Math.min(2, words.length - i); len >= 1 && matched == 0; len--) {
                String phrase = String.join(" ", Arrays.copyOfRange(words, i, i + len));
                if (BACKCHANNEL_WORDS.contains(phrase)) {
                    matched = len;
                }
            }
            if (matched == 0) {
                return false;
            }
            i += matched;
        }
        return true;
    }
}
