package dev.viva.voice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Turn-taking knobs for the candidate's audio. */
@ConfigMapping(prefix = "viva.voice")
public interface VoiceConfig {

    /** Voice activity detection and end-of-turn. */
    Vad vad();

    /** Telling backchannels ("mm-hm", "okay") from a real interruption while the interviewer speaks. */
    Backchannel backchannel();

    interface Vad {

        /**
         * Silence after the last voiced sample that ends the candidate's turn. 700 ms sits above the pauses people
         * leave inside a sentence (breaths and hesitations of 200-500 ms) and below the roughly one-second gap at
         * which a listener feels the speaker has finished; it is also most of the 900 ms turn-latency budget, so it
         * cannot be much longer. Deliberate rhetorical pauses (jfk.wav has two of 1.1-1.2 s) do end a short turn.
         */
        @WithDefault("700")
        int endOfTurnSilenceMs();

        /**
         * Speech length after which a turn counts as a long answer and gets {@link #longAnswerSilenceMs()} instead.
         * People explaining something at length stop to think mid-answer; cutting them off there is worse than a
         * slower reply to a long answer.
         */
        @WithDefault("6000")
        int longAnswerAfterMs();

        /** End-of-turn silence once the answer is long (see {@link #longAnswerAfterMs()}). */
        @WithDefault("1200")
        int longAnswerSilenceMs();

        /**
         * Voiced audio needed before a turn counts as started. Shorter bursts (a cough, a click, a door) are ignored.
         * 200 ms is about one short stressed syllable.
         */
        @WithDefault("200")
        int minSpeechMs();

        /**
         * Gap that breaks a not-yet-confirmed burst apart, so two clicks 300 ms apart do not add up to "speech".
         */
        @WithDefault("150")
        int onsetGapMs();

        /**
         * How far above the noise floor a 20 ms window must be to count as voiced. 10 dB rejects fans and hiss while
         * keeping soft speech (a normal voice is 25-40 dB above a quiet room).
         */
        @WithDefault("10")
        double speechMarginDb();

        /**
         * Absolute level below which nothing is speech, whatever the noise floor. Stops digital silence (floor -100
         * dBFS) from making breathing and line noise look like speech.
         */
        @WithDefault("-55")
        double minSpeechLevelDb();

        /**
         * Window over which the noise floor is the quietest 20 ms seen: long enough to always contain a gap between
         * words (so speech never becomes "noise"), short enough that a fan switched on is learned within seconds.
         */
        @WithDefault("3000")
        int noiseWindowMs();
    }

    interface Backchannel {

        /**
         * While the interviewer is speaking, candidate speech shorter than this is a backchannel ("mm-hm", "okay",
         * "right") and is neither an answer nor an interruption. Longer speech is a barge-in. 600 ms covers
         * two-syllable acknowledgements said slowly.
         */
        @WithDefault("600")
        int maxMs();
    }
}
