package dev.viva.stt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Speech-to-text: which Whisper model, where it comes from, and how much CPU transcription may use. */
@ConfigMapping(prefix = "viva.stt")
public interface SttConfig {

    /**
     * A model name ({@code tiny.en}, {@code base.en}, {@code small.en}, ... see docs/voice.md), fetched into
     * {@link #modelDir()} on first start, or a path to a ggml file. tiny.en is the default because it is the model
     * that transcribes a turn within the latency budget on a 2-core server; base.en and small.en are more accurate
     * and need more cores.
     */
    @WithDefault("tiny.en")
    String model();

    /** Where named models are cached (and downloaded to). */
    @WithDefault("${user.home}/.cache/viva/whisper")
    String modelDir();

    /** Whether a named model missing from the cache is downloaded at start-up. */
    @WithDefault("true")
    boolean download();

    /** The whisper.cpp model host; {@code ggml-<name>.bin} is fetched from below it. Point it at a mirror if needed. */
    @WithDefault("https://huggingface.co/ggerganov/whisper.cpp/resolve/main")
    String downloadBaseUrl();

    /** Give up a download whose host has not started answering within this time. */
    @WithDefault("PT1M")
    Duration downloadTimeout();

    /** Give up a download when no data has arrived for this long (a stalled connection never ends by itself). */
    @WithDefault("PT1M")
    Duration downloadStallTimeout();

    /**
     * Expected SHA-1 of the downloaded file. Needed only for names missing from the built-in table (or a mirror that
     * serves a different build); a download whose hash does not match is discarded.
     */
    Optional<String> modelSha1();

    /**
     * Accept a ggml file without weights (whisper.cpp's for-tests models). It loads and runs but never recognises a
     * word, so it is refused unless this is set; only tests set it.
     */
    @WithDefault("false")
    boolean allowWeightlessModel();

    /** Transcription workers, i.e. transcriptions running at once. Default: the number of CPU cores. */
    OptionalInt workers();

    /** whisper.cpp threads used by one transcription. Default: cores divided by workers, at least 1. */
    OptionalInt threadsPerTranscription();

    /**
     * Transcriptions allowed to wait for a worker. When full, new final transcriptions are refused at once (the
     * candidate is asked to repeat or type) instead of piling up memory and latency.
     */
    @WithDefault("8")
    int queueCapacity();

    /** How much of Whisper's 30 s input window the encoder computes. */
    enum AudioContext {
        /**
         * Only as much as the audio fills, plus 128 frames (2.56 s). Answers are mostly 3-20 s, and the encoder's cost
         * grows with the window, so this is several times faster on short answers; whisper.cpp users report no loss of
         * accuracy with a margin like this (whisper.cpp issues 1855 and 3532), while a window cut to the audio
         * exactly makes the decoder repeat itself.
         */
        FIT,
        /** Always the whole 30 s window, as the model was trained: the safe choice when CPU is plentiful. */
        FULL
    }

    /** How much of Whisper's window is encoded: {@code fit} (the audio plus a margin) or {@code full}. */
    @WithDefault("fit")
    AudioContext audioContext();

    /** Spoken language passed to Whisper. */
    @WithDefault("en")
    String language();

    /**
     * Minimum new audio between two partial transcripts of an answer in progress. Each partial re-transcribes the
     * answer so far, so this trades caption freshness against CPU; partials are skipped when all workers are busy.
     */
    @WithDefault("1500")
    int partialIntervalMs();
}
