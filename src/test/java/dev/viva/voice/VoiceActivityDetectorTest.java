package dev.viva.voice;

import dev.viva.testing.Configs;
import dev.viva.testing.Wav;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoiceActivityDetectorTest {

    private static VoiceActivityDetector detector(Map<String, String> overrides) {
        return new VoiceActivityDetector(Configs.mapping(VoiceConfig.class, overrides).vad());
    }

    /** Streams audio in 20 ms client frames, as a browser would. */
    private static List<VadEvent> run(VoiceActivityDetector vad, short[] audio) {
        List<VadEvent> events = new ArrayList<>();
        for (int pos = 0; pos < audio.length; pos += 320) {
            events.addAll(vad.accept(Arrays.copyOfRange(audio, pos, Math.min(audio.length, pos + 320))));
        }
        return events;
    }

    private static List<VadEvent.TurnEnded> turns(List<VadEvent> events) {
        return events.stream().filter(VadEvent.TurnEnded.class::isInstance).map(VadEvent.TurnEnded.class::cast)
                .toList();
    }

    @Test
    void shortThinkingPausesInsideAnAnswerDoNotEndTheTurn() {
        short[] answer = Wav.fixture("long-answer-with-pauses.wav"); // espeak-ng, 12 s, pauses of 440 and 480 ms
        List<VadEvent> events = run(detector(Map.of()), Wav.concat(Wav.silence(500), answer, Wav.silence(2000)));
        List<VadEvent.TurnEnded> turns = turns(events);
        assertEquals(1, turns.size(), events.toString());
        assertEquals(2, events.size(), "one start, one end: " + events);
        VadEvent.TurnEnded turn = turns.getFirst();
        assertEquals(500, turn.speechStartMs(), 60);
        assertTrue(turn.speechMs() > 11_500, "whole answer kept: " + turn);
        // the end is detected exactly one end-of-turn silence after the last voiced window (whether a long answer's
        // pause is held open longer is the session's call: it knows the words)
        assertEquals(700, turn.detectedAtMs() - turn.lastVoicedMs());
    }

    @Test
    void theSilenceThresholdIsWhatKeepsPausesInside() {
        short[] answer = Wav.fixture("long-answer-with-pauses.wav");
        VoiceActivityDetector impatient = detector(Map.of("viva.voice.vad.end-of-turn-silence-ms", "300"));
        assertEquals(3, turns(run(impatient, Wav.concat(answer, Wav.silence(1000)))).size());
    }

    @Test
    void realSpeechWithLongRhetoricalPauses() {
        short[] speech = Wav.read(Wav.pausedAnswer());
        // default: the 1.1-1.2 s pauses after "first" and "requests" end short turns, the words are all kept
        List<VadEvent.TurnEnded> turns = turns(run(detector(Map.of()), Wav.concat(speech, Wav.silence(1500))));
        assertTrue(turns.size() >= 3 && turns.size() <= 4, turns.toString());
        assertTrue(turns.getFirst().speechStartMs() < 400, turns.toString());
        assertTrue(turns.getLast().lastVoicedMs() > 10_000, turns.toString());
        for (VadEvent.TurnEnded turn : turns) {
            assertEquals(700, turn.detectedAtMs() - turn.lastVoicedMs(), turn.toString());
        }
        // a patient configuration hears the speech as one answer from the first to the last word
        List<VadEvent.TurnEnded> patient = turns(run(
                detector(Map.of("viva.voice.vad.end-of-turn-silence-ms", "1500")), Wav.concat(speech, Wav.silence(2000))));
        assertEquals(1, patient.size(), patient.toString());
        assertTrue(patient.getFirst().speechMs() > 9_500, patient.toString());
    }

    @Test
    void twoAnswersSeparatedByALongSilenceAreTwoTurns() {
        short[] answer = Wav.fixture("okay.wav");
        List<VadEvent> events = run(detector(Map.of()),
                Wav.concat(answer, Wav.silence(1500), answer, Wav.silence(1500)));
        assertEquals(4, events.size(), events.toString());
        assertInstanceOf(VadEvent.SpeechStarted.class, events.get(0));
        assertInstanceOf(VadEvent.TurnEnded.class, events.get(1));
        assertInstanceOf(VadEvent.SpeechStarted.class, events.get(2));
        assertInstanceOf(VadEvent.TurnEnded.class, events.get(3));
    }

    @Test
    void silenceAndSteadyNoiseAreNotSpeech() {
        assertEquals(List.of(), run(detector(Map.of()), Wav.silence(5000)));
        VoiceActivityDetector vad = detector(Map.of());
        assertEquals(List.of(), run(vad, Wav.noise(10_000, -45, 1)));
        assertEquals(-45, vad.noiseFloorDb(), 1);
    }

    @Test
    void aRoomThatGetsLouderIsLearnedWithinASecond() {
        VoiceActivityDetector vad = detector(Map.of());
        List<VadEvent> events = run(vad, Wav.concat(Wav.noise(2000, -70, 2), Wav.noise(10_000, -35, 3)));
        // the jump can look like the start of speech, but steady noise is recognised after one second
        List<VadEvent.TurnEnded> turns = turns(events);
        assertTrue(turns.size() <= 1, events.toString());
        turns.forEach(turn -> assertTrue(turn.speechMs() <= 1100, turn.toString()));
        assertTrue(!vad.speaking(), "steady noise must not hold the turn open");
        assertEquals(-35, vad.noiseFloorDb(), 1);
        // and speech over the louder room is still heard
        List<VadEvent.TurnEnded> answer = turns(run(vad,
                Wav.mix(Wav.concat(Wav.fixture("okay.wav"), Wav.silence(1500)), Wav.noise(2000, -35, 5))));
        assertEquals(1, answer.size());
    }

    @Test
    void speechIsFoundOverBackgroundNoise() {
        short[] answer = Wav.fixture("long-answer-with-pauses.wav");
        short[] noisy = Wav.mix(Wav.concat(Wav.silence(4000), answer, Wav.silence(2000)), Wav.noise(19_400, -42, 4));
        List<VadEvent.TurnEnded> turns = turns(run(detector(Map.of()), noisy));
        assertEquals(1, turns.size(), turns.toString());
        assertEquals(4000, turns.getFirst().speechStartMs(), 100);
        assertTrue(turns.getFirst().speechMs() > 11_500, turns.toString());
    }

    @Test
    void clicksShorterThanTheMinimumSpeechLengthAreIgnored() {
        short[] click = Wav.sine(1000, 0.5, 16 * 80, 16_000); // 80 ms
        List<VadEvent> events = run(detector(Map.of()),
                Wav.concat(Wav.silence(1000), click, Wav.silence(400), click, Wav.silence(2000)));
        assertEquals(List.of(), events);
    }

    @Test
    void framesOfAnySizeGiveTheSameEvents() {
        short[] audio = Wav.concat(Wav.silence(300), Wav.fixture("long-answer-with-pauses.wav"), Wav.silence(1500));
        List<VadEvent> whole = detector(Map.of()).accept(audio);
        VoiceActivityDetector streaming = detector(Map.of());
        List<VadEvent> pieces = new ArrayList<>();
        for (int pos = 0; pos < audio.length; pos += 1237) {
            pieces.addAll(streaming.accept(Arrays.copyOfRange(audio, pos, Math.min(audio.length, pos + 1237))));
        }
        assertEquals(whole, pieces);
    }
}
