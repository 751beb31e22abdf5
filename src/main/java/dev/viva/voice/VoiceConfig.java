package dev.viva.voice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Turn-taking knobs for the candidate's audio. */
@ConfigMapping(prefix = "viva.voice")
public interface VoiceConfig {

    /** Voice activity detection and end-of-turn. */
    Vad vad();

    /** Telling backchannels ("mm-hm", "okay") from a real interruption while the interviewer speaks. */
    Backchannel backchannel();

    /**
     * Largest binary frame (audio) a client may send, in bytes; larger ones close the socket with 1009. 64 KiB is
     * 680 ms of 48 kHz audio, several times what a browser sends per frame (20-100 ms).
     */
    @WithDefault("65536")
    int maxFrameBytes();

    /** Largest text message (JSON) a client may send, in bytes; larger ones close the socket with 1009. */
    @WithDefault("65536")
    int maxMessageBytes();

    /**
     * Longest single spoken answer. Past it the answer is ended there and transcribed, so a candidate who forgets
     * to stop (or an open microphone in a noisy room) cannot hold the turn, or Whisper's 30 s window, forever.
     */
    @WithDefault("PT2M")
    Duration maxUtterance();

    /** Longest one connection may stay open; the role plans are 30-60 minutes, so this only stops runaways. */
    @WithDefault("PT3H")
    Duration maxSession();

    /**
     * At shutdown, how long the server waits for candidate sockets to finish what they are doing (an answer being
     * committed) and take their 1001 close, before stopping anyway.
     */
    @WithDefault("PT10S")
    Duration shutdownGrace();

    /**
     * A connection that sends nothing at all (no audio, no message, no {@code ping}) for this long is closed. Voice
     * clients stream audio continuously and text clients ping, so only dead clients hit it.
     */
    @WithDefault("PT60S")
    Duration idleTimeout();

    /**
     * How long the candidate may stay silent after the interviewer finished speaking before being prompted ("take
     * your time..."). Long enough to think about a hard question, short enough that a frozen microphone is noticed.
     */
    @WithDefault("PT20S")
    Duration silencePromptAfter();

    /**
     * Silence prompts in a row after which the interview pauses (no more prompts until the candidate speaks or sends
     * anything). The interviewer moves on to another question after {@code viva.interviewer.max-silences} of them.
     */
    @WithDefault("3")
    int maxSilencePrompts();

    /**
     * How much faster than real time audio may arrive, as a factor of the declared rate, before frames are dropped.
     * Networks deliver in bursts, so some slack is needed; a client streaming a file at full speed is not a live
     * candidate.
     */
    @WithDefault("1.5")
    double rateTolerance();

    /** Audio a client may send in one burst beyond the tolerated rate (a reconnect flushing its buffer). */
    @WithDefault("PT3S")
    Duration rateBurst();

    /** Dropping frames for longer than this (audio still too fast) closes the socket with 4429. */
    @WithDefault("PT10S")
    Duration rateViolationLimit();

    /**
     * How far ahead of real time the interviewer's audio is sent. Enough to ride out network jitter without gaps in
     * playback, little enough that a barge-in stops the voice within a fraction of a second.
     */
    @WithDefault("PT0.4S")
    Duration playbackLead();

    /**
     * Origins (scheme://host[:port]) allowed to open the candidate socket from a browser besides the server's own
     * origin and that of {@code viva.server.public-url}, e.g. a separately hosted candidate page.
     */
    Optional<List<String>> allowedOrigins();

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
         * Speech length after which an answer counts as long: a pause in it that reaches the end-of-turn silence is
         * held open up to {@link #longAnswerSilenceMs()} unless the transcript of the answer so far is ready and its
         * words sound finished. People explaining something at length stop to think mid-answer; cutting them off
         * there is worse than a slower reply.
         */
        @WithDefault("6000")
        int longAnswerAfterMs();

        /**
         * The silence that ends a turn whose pause may be a thinking pause: a long answer with no transcript ready
         * yet, or any answer whose words trail off ("...and", "...because", "um"). When the early transcript of a
         * held pause arrives and sounds finished, the turn ends at once.
         */
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

        /**
         * Silence after which the answer so far is transcribed ahead of time, while the end-of-turn silence is still
         * running. If the candidate stays quiet, the transcript is ready (or nearly) when the turn ends, which takes
         * most of the speech-to-text time off the reply's latency; if they go on, the early transcript is discarded.
         * Above the short gaps between words (100-250 ms), so it is not attempted at every word.
         */
        @WithDefault("300")
        int earlyTranscriptionMs();
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
