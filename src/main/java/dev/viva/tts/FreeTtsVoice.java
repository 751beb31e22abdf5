package dev.viva.tts;

import com.sun.speech.freetts.FreeTTSSpeakable;
import com.sun.speech.freetts.OutputQueue;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.audio.AudioPlayer;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.w3c.dom.Document;

import javax.sound.sampled.AudioFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * One allocated FreeTTS voice and the only class that touches FreeTTS. Not thread-safe: FreeTTS keeps per-utterance
 * state in the voice, so each worker owns one.
 *
 * <p>The voice directory is instantiated directly instead of through FreeTTS's {@code VoiceManager}, which finds
 * directories by reflection from the {@code freetts.voices} property. Its audio is written on the calling thread, to a
 * player that captures it, instead of on the extra output thread FreeTTS starts per voice, so a synthesis starts,
 * stops and fails on the worker that owns it.
 */
// FreeTTS resolves these by name (the pre-Java-5 idiom for class literals) for loggers and resources
@RegisterForReflection(targets = {Voice.class, com.sun.speech.freetts.PathExtractorImpl.class,
        com.sun.speech.freetts.cart.CARTImpl.class, com.sun.speech.freetts.diphone.DiphoneUnitDatabase.class,
        com.sun.speech.freetts.en.PartOfSpeechTagger.class, com.sun.speech.freetts.en.us.CMULexicon.class,
        com.sun.speech.freetts.relp.AudioOutput.class, com.sun.speech.freetts.UtteranceProcessor.class})
final class FreeTtsVoice implements AutoCloseable {

    /** The voices in FreeTTS's jar that read arbitrary text (the other one, alan, only says times). */
    static final List<String> NAMES = List.of("kevin16", "kevin");
    /** FreeTTS caches loaded lexicons in an unsynchronised static map, so voices are allocated one at a time. */
    private static final Object ALLOCATION_LOCK = new Object();
    private static final Pattern SPEAKABLE = Pattern.compile("[\\p{L}\\p{N}]");

    /** Synthesis broke inside FreeTTS. */
    static final class SynthesisException extends Exception {
        SynthesisException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Voice voice;
    private final Capture capture = new Capture();

    private FreeTtsVoice(Voice voice) {
        this.voice = voice;
    }

    /**
     * Loads the named voice (about half a second; the first voice also loads the shared lexicon).
     *
     * @throws IOException when there is no such voice or FreeTTS cannot load it
     */
    static FreeTtsVoice allocate(String name, float rateWpm, float pitchHz) throws IOException {
        Voice voice = Arrays.stream(new KevinVoiceDirectory().getVoices())
                .filter(candidate -> candidate.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IOException("FreeTTS has no voice named '" + name + "'; available: " + NAMES));
        synchronized (ALLOCATION_LOCK) {
            // with a queue set, allocate() starts no output thread; with none afterwards, audio goes out inline
            voice.setOutputQueue(new OutputQueue());
            try {
                voice.allocate();
            } catch (Error e) { // FreeTTS reports every load failure, a missing resource included, as an Error
                throw new IOException("FreeTTS could not load voice " + name + ": " + e.getMessage(), e);
            }
            voice.setOutputQueue(null);
        }
        voice.setRate(rateWpm);
        voice.setPitch(pitchHz);
        FreeTtsVoice allocated = new FreeTtsVoice(voice);
        voice.setAudioPlayer(allocated.capture);
        return allocated;
    }

    /**
     * Synthesises {@code text} as 16 kHz mono samples, not yet {@linkplain SpeechAudio#shape shaped}. {@code stop} is
     * polled between FreeTTS's processing steps and at every block of audio it writes, about every 30 ms of output.
     *
     * @return the samples, or null when {@code stop} turned true
     * @throws SynthesisException when FreeTTS failed
     */
    short[] speak(String text, BooleanSupplier stop) throws SynthesisException {
        Text speakable = new Text(text, stop);
        capture.start(stop);
        try {
            voice.speak(speakable);
        } catch (RuntimeException | StackOverflowError e) { // a long token like "1,1,1,..." overflows its recursion
            throw new SynthesisException("FreeTTS failed: " + e, e);
        }
        if (stop.getAsBoolean()) {
            return null;
        }
        short[] samples = capture.samples();
        // FreeTTS prints its own processing errors and drops the utterance, so an empty result is how they show
        if (speakable.broken || samples.length == 0 && SPEAKABLE.matcher(text).find()) {
            throw new SynthesisException("FreeTTS produced no audio for \"" + text + "\"", null);
        }
        return samples;
    }

    /** The format of the last audio FreeTTS produced, null before any. */
    AudioFormat lastFormat() {
        return capture.format;
    }

    @Override
    public void close() {
        voice.deallocate();
    }

    /** Text with a stop signal that FreeTTS checks as "completed"; output is inline, so nothing is left to wait for. */
    private static final class Text implements FreeTTSSpeakable {
        private final String text;
        private final BooleanSupplier stop;
        private boolean broken;

        Text(String text, BooleanSupplier stop) {
            this.text = text;
            this.stop = stop;
        }

        @Override
        public void started() {
        }

        @Override
        public void completed() {
        }

        /** FreeTTS calls this when an utterance failed; a stop of ours does not come through here. */
        @Override
        public void cancelled() {
            broken = true;
        }

        @Override
        public boolean isCompleted() {
            return stop.getAsBoolean();
        }

        @Override
        public boolean waitCompleted() {
            return !stop.getAsBoolean();
        }

        @Override
        public boolean isPlainText() {
            return true;
        }

        @Override
        public boolean isStream() {
            return false;
        }

        @Override
        public boolean isDocument() {
            return false;
        }

        @Override
        public String getText() {
            return text;
        }

        @Override
        public Document getDocument() {
            return null;
        }

        @Override
        public InputStream getInputStream() {
            return null;
        }
    }

    /**
     * The voice's audio player: keeps what FreeTTS writes instead of playing it, decoding each utterance at its end
     * with the format FreeTTS announced for it, and refuses further writes once stopped, which aborts FreeTTS's
     * waveform generation mid-utterance.
     */
    private static final class Capture implements AudioPlayer {
        private final ByteArrayOutputStream utterance = new ByteArrayOutputStream();
        private short[] samples = new short[0];
        private BooleanSupplier stop = () -> false;
        private AudioFormat format;
        private float volume = 1;

        void start(BooleanSupplier stop) {
            this.stop = stop;
            utterance.reset();
            samples = new short[0];
        }

        short[] samples() {
            return samples;
        }

        @Override
        public void setAudioFormat(AudioFormat format) {
            this.format = format;
        }

        @Override
        public AudioFormat getAudioFormat() {
            return format;
        }

        @Override
        public void begin(int size) {
            utterance.reset();
        }

        @Override
        public boolean write(byte[] audio) {
            return write(audio, 0, audio.length);
        }

        @Override
        public boolean write(byte[] audio, int offset, int length) {
            if (stop.getAsBoolean()) {
                return false;
            }
            utterance.write(audio, offset, length);
            return true;
        }

        @Override
        public boolean end() {
            short[] decoded = SpeechAudio.decode(format, utterance.toByteArray(), utterance.size());
            int at = samples.length;
            samples = Arrays.copyOf(samples, at + decoded.length);
            System.arraycopy(decoded, 0, samples, at, decoded.length);
            utterance.reset();
            return !stop.getAsBoolean();
        }

        @Override
        public boolean drain() {
            return true;
        }

        @Override
        public float getVolume() {
            return volume;
        }

        @Override
        public void setVolume(float volume) {
            this.volume = volume; // FreeTTS passes the voice's volume, always 1 here; SpeechAudio sets the level
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void reset() {
        }

        @Override
        public void cancel() {
        }

        @Override
        public void close() {
        }

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public void resetTime() {
        }

        @Override
        public void startFirstSampleTimer() {
        }

        @Override
        public void showMetrics() {
        }
    }
}
