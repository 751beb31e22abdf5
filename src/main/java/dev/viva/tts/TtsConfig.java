package dev.viva.tts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.OptionalInt;

/** Text-to-speech: the interviewer's voice, how much CPU and memory it may use, and how its audio is streamed. */
@ConfigMapping(prefix = "viva.tts")
public interface TtsConfig {

    /**
     * Whether the interviewer speaks. On by default because a spoken interview is what Viva is for; off, no voice is
     * loaded (saving its start-up work and memory) and clients get the interviewer's text only.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * FreeTTS voice: {@code kevin16} or {@code kevin}. kevin16 is the default because it is the only voice recorded at
     * the pipeline's 16 kHz and the clearest FreeTTS ships; kevin is its 8 kHz recording, upsampled here, and sounds
     * muffled.
     */
    @WithDefault("kevin16")
    String voice();

    /**
     * Synthesis workers, i.e. utterances synthesised at once; each holds its own voice (about 6 MB, the first one 16 MB
     * with the shared lexicon). Default: the number of CPU cores, because a FreeTTS voice is single-threaded and
     * CPU-bound, so more workers than cores only time-slice.
     */
    OptionalInt workers();

    /**
     * Utterances allowed to wait for a worker; beyond it new ones are refused at once as {@code busy} and the client
     * gets text only. 16 keeps the worst wait well under a second (an utterance takes tens of milliseconds) while
     * bounding the memory a burst can pin.
     */
    @WithDefault("16")
    int queueCapacity();

    /**
     * Bytes of synthesised segments kept in memory, least recently used evicted first; 0 disables the cache. Bank
     * questions, greetings and prompts are spoken again in every interview; 64 MiB holds about 35 minutes of 16 kHz
     * audio, more than the 55 MiB that every question, hint and clarification of the four shipped roles takes.
     */
    @WithDefault("67108864")
    long cacheBytes();

    /**
     * Audio per chunk handed to the listener. 100 ms is small enough for the client to start playing almost at once
     * and to stop within a fraction of a word on barge-in, and large enough that per-frame overhead stays negligible.
     */
    @WithDefault("100")
    int chunkMs();

    /**
     * Longest segment before a sentence is split at a clause boundary (semicolon, colon, dash, then comma, then any
     * space). Each segment is synthesised before its first chunk is sent, so this bounds the time to first audio;
     * 150 characters (about 25 words, 8 s of speech) still keeps ordinary sentences whole, since each split adds a
     * phrase-final fall and pause where the speaker would not have paused.
     */
    @WithDefault("150")
    int maxSegmentChars();

    /**
     * Speaking rate in words per minute. 150 is kevin16's nominal rate, at which its diphones sound most natural and
     * which is an unhurried conversational pace for questions a candidate must follow.
     */
    @WithDefault("150")
    float rateWpm();

    /** Mean pitch in Hz. 100 is near the recorded speaker's own; far from it a diphone voice sounds synthetic. */
    @WithDefault("100")
    float pitchHz();
}
