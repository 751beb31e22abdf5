package dev.viva.voice;

import dev.viva.testing.Configs;
import dev.viva.testing.Wav;
import dev.viva.voice.BackchannelDetector.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackchannelDetectorTest {

    private final VoiceConfig config = Configs.mapping(VoiceConfig.class);
    private final BackchannelDetector detector = new BackchannelDetector(config.backchannel());

    /** Streams audio through a VAD while the interviewer "speaks" and returns the first definite verdict. */
    private Verdict whileInterviewerSpeaks(short[] audio) {
        VoiceActivityDetector vad = new VoiceActivityDetector(config.vad());
        for (int pos = 0; pos < audio.length; pos += 320) {
            for (VadEvent event : vad.accept(Arrays.copyOfRange(audio, pos, Math.min(audio.length, pos + 320)))) {
                if (event instanceof VadEvent.TurnEnded ended) {
                    return detector.classify(ended.speechMs(), true);
                }
            }
            Verdict live = detector.classify(vad.currentSpeechMs(), false);
            if (live != Verdict.UNDECIDED) {
                return live;
            }
        }
        return Verdict.UNDECIDED;
    }

    private static short[] withPauses(short[] candidate) {
        return Wav.concat(Wav.silence(400), candidate, Wav.silence(1500));
    }

    @Test
    void shortAcknowledgementsAreBackchannels() {
        assertEquals(Verdict.BACKCHANNEL, whileInterviewerSpeaks(withPauses(Wav.fixture("mm-hm.wav"))));
        assertEquals(Verdict.BACKCHANNEL, whileInterviewerSpeaks(withPauses(Wav.fixture("okay.wav"))));
    }

    @Test
    void realSpeechIsABargeInAsSoonAsItOutlastsABackchannel() {
        VoiceActivityDetector vad = new VoiceActivityDetector(config.vad());
        short[] answer = Wav.fixture("long-answer-with-pauses.wav");
        long decidedAtMs = -1;
        for (int pos = 0; pos < answer.length && decidedAtMs < 0; pos += 320) {
            vad.accept(Arrays.copyOfRange(answer, pos, Math.min(answer.length, pos + 320)));
            if (detector.classify(vad.currentSpeechMs(), false) == Verdict.BARGE_IN) {
                decidedAtMs = vad.positionMs();
            }
        }
        assertTrue(decidedAtMs > 0 && decidedAtMs < 1000, "barge-in decided at " + decidedAtMs + " ms");
    }

    @Test
    void noSpeechIsNoVerdict() {
        assertEquals(Verdict.UNDECIDED, whileInterviewerSpeaks(Wav.noise(2000, -50, 9)));
    }

    @Test
    void transcriptsOfAcknowledgementsAreRecognised() {
        for (String yes : new String[] {"Mm-hm.", "okay", "Okay, okay.", "Uh-huh", "Right, got it.", " yeah!", "mm hm"}) {
            assertTrue(BackchannelDetector.isBackchannelPhrase(yes), yes);
            assertEquals(Verdict.BACKCHANNEL, BackchannelDetector.classify(yes));
        }
        for (String no : new String[] {"Wait, can you repeat that?", "okay so the answer is a B-tree", "no", "",
                "   ", "Sorry?"}) {
            assertFalse(BackchannelDetector.isBackchannelPhrase(no), no);
        }
        assertFalse(BackchannelDetector.isBackchannelPhrase(null));
        assertEquals(Verdict.BARGE_IN, BackchannelDetector.classify("stop, I have a question"));
    }
}
