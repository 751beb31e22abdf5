package dev.viva.voice.session;

import dev.viva.interview.InputMode;
import dev.viva.interviewer.EngineInput;
import dev.viva.live.LiveEvent;
import dev.viva.platform.error.ApiProblem;
import dev.viva.stt.ScriptedSpeechRecognizer;
import dev.viva.stt.SpeechRecognizer;
import dev.viva.testing.Wav;
import dev.viva.tts.ToneSynthesizer;
import dev.viva.voice.Pcm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The voice session as a state machine: no sockets, no threads of its own, time driven by the test. */
class VoiceSessionTest {

    private SessionHarness h = new SessionHarness();

    @AfterEach
    void close() {
        h.close();
    }

    private void restart(Map<String, String> settings, int questions) {
        h.close();
        h = new SessionHarness(settings, questions);
    }

    @Test
    void aSpokenAnswerIsTranscribedCommittedAndAnsweredAloud() {
        h.startVoice();
        ServerMessage.Ready ready = h.client.last(ServerMessage.Ready.class);
        assertThat(ready.mode()).isEqualTo("voice");
        assertThat(ready.output().sampleRate()).isEqualTo(16_000);
        ServerMessage.Said greeting = h.client.last(ServerMessage.Said.class);
        assertThat(greeting.seq()).isEqualTo(1);
        assertThat(greeting.audioId()).isNotNull();
        assertThat(h.client.last(ServerMessage.Progress.class).phaseCount()).isEqualTo(6);
        assertThat(h.state()).isEqualTo("speaking");

        h.hearUtteranceOut();
        assertThat(h.state()).isEqualTo("listening");
        h.silence(500);
        h.speak(SessionHarness.SHORT_ANSWER);
        h.silenceUntil(() -> h.conversation.submitted.size() == 1, 2_000);
        assertThat(h.client.states()).containsSubsequence("listening", "thinking", "speaking");

        FakeConversation.Submitted answer = h.conversation.submitted.getFirst();
        assertThat(answer.input()).isEqualTo(new EngineInput.Answer(SessionHarness.SHORT_TEXT));
        assertThat(answer.seq()).isEqualTo(1);
        assertThat(answer.meta().mode()).isEqualTo(InputMode.VOICE);
        assertThat(answer.meta().audioDurationMs()).isBetween(3_400L, 5_000L);
        assertThat(answer.meta().startMs()).as("spoken about 500 ms after the question finished")
                .isGreaterThan(answer.meta().endMs() - 5_000).isLessThan(answer.meta().endMs());
        assertThat(h.client.last(ServerMessage.FinalTranscript.class))
                .isEqualTo(new ServerMessage.FinalTranscript(1, SessionHarness.SHORT_TEXT));
        assertThat(h.client.last(ServerMessage.Said.class).seq()).isEqualTo(2);
        assertThat(h.state()).isEqualTo("speaking");
        assertThat(h.live).contains(new LiveEvent.TurnState("thinking"), new LiveEvent.TurnState("speaking"));

        // the reply's first audio went out: the turn's latency is accounted for, stage by stage
        assertThat(h.latencies).hasSize(1);
        TurnLatency latency = h.latencies.getFirst();
        assertThat(latency.endOfTurnMs()).as("the end-of-turn silence, in audio time").isBetween(700L, 740L);
        assertThat(latency.sttMs()).as("transcribed early, in the silence").isZero();
        assertThat(latency.queueMs()).as("the harness runs each frame as it arrives").isZero();
        assertThat(latency.audioLateMs()).as("the silence arrived in real time").isZero();
        assertThat(latency.totalMs()).isEqualTo(latency.queueMs() + latency.endOfTurnMs() + latency.audioLateMs()
                + latency.sttMs() + latency.interviewerMs() + latency.ttsFirstChunkMs())
                .isEqualTo(latency.sentAt() - latency.receivedAt());
    }

    @Test
    void theInterviewersAudioIsPacedAtRealTimeWithASmallLead() {
        h.startVoice();
        long total = h.tts.texts().getFirst().split("\\s+").length * (long) ToneSynthesizer.WORD_MS;
        // at the start only the lead has gone out
        assertThat(h.client.audioBytes() / 32).isBetween(400L, 500L);
        assertThat(h.client.sent.stream().filter(s -> s.message() instanceof ServerMessage.AudioStart).count())
                .isEqualTo(1);
        h.silence(1_000);
        assertThat(h.client.audioBytes() / 32).isBetween(1_400L, 1_500L);
        h.silenceUntil(() -> h.client.last(ServerMessage.AudioEnd.class) != null, 60_000);
        assertThat(h.client.last(ServerMessage.AudioEnd.class).durationMs()).isEqualTo(total);
        assertThat(h.client.audioBytes()).isEqualTo(total * 32);
        // without a report from the client, the session assumes playback ended once the audio's time has passed
        h.silenceUntil(() -> "listening".equals(h.state()), 2_000);
    }

    @Test
    void aShortPauseInsideAnAnswerDoesNotEndTheTurnAndALongAnswerIsKeptWhole() {
        h.startVoice();
        h.hearUtteranceOut();
        h.speak(SessionHarness.LONG_ANSWER); // 12 s with pauses of 440 and 480 ms
        assertThat(h.conversation.submitted).isEmpty();
        assertThat(h.state()).isEqualTo("listening");
        h.silenceUntil(() -> h.conversation.submitted.size() == 1, 2_000);
        assertThat(h.conversation.inputs()).containsExactly(new EngineInput.Answer(SessionHarness.LONG_TEXT));
        assertThat(h.client.all(ServerMessage.PartialTranscript.class)).as("captions while speaking").isNotEmpty()
                .allSatisfy(p -> assertThat(SessionHarness.LONG_TEXT).startsWith(p.text()));
        assertThat(h.live).anyMatch(e -> e instanceof LiveEvent.PartialTranscript);
    }

    @Test
    void aLongAnswerWhoseWordsSoundFinishedEndsAtTheShortSilence() {
        h.startVoice();
        h.hearUtteranceOut();
        h.speak(SessionHarness.LONG_ANSWER);
        h.silenceUntil(() -> !h.latencies.isEmpty(), 2_000);
        assertThat(h.latencies.getFirst().endOfTurnMs()).as("its transcript was ready and ends a sentence")
                .isBetween(700L, 740L);
    }

    @Test
    void aLongAnswerIsHeldOpenUntilItsTranscriptSaysItIsFinished() {
        CompletableFuture<Void> results = h.stt.hold();
        h.startVoice();
        h.hearUtteranceOut();
        h.speak(SessionHarness.LONG_ANSWER);
        h.silence(900);
        assertThat(h.state()).as("no transcript yet: maybe a thinking pause").isEqualTo("listening");
        results.complete(null);
        h.silenceUntil(() -> !h.latencies.isEmpty(), 2_000);
        assertThat(h.latencies.getFirst().endOfTurnMs()).as("ended when the finished-sounding transcript came")
                .isBetween(900L, 960L);
        assertThat(h.conversation.inputs()).containsExactly(new EngineInput.Answer(SessionHarness.LONG_TEXT));
    }

    @Test
    void aLongAnswerWithNoTranscriptInTimeEndsAtTheLongSilence() {
        CompletableFuture<Void> results = h.stt.hold();
        h.startVoice();
        h.hearUtteranceOut();
        h.speak(SessionHarness.LONG_ANSWER);
        h.silenceUntil(() -> "thinking".equals(h.state()), 1_400);
        results.complete(null);
        h.silenceUntil(() -> !h.latencies.isEmpty(), 2_000);
        assertThat(h.latencies.getFirst().endOfTurnMs()).isBetween(1_200L, 1_240L);
    }

    @Test
    void aLongAnswerWhoseEarlyTranscriptFoundNoIdleWorkerIsQueuedAtTheShortSilenceAndEndsThere() {
        h.stt.refuse(SpeechRecognizer.Priority.SPECULATIVE);
        h.startVoice();
        h.hearUtteranceOut();
        h.speak(SessionHarness.LONG_ANSWER);
        h.silenceUntil(() -> !h.latencies.isEmpty(), 2_000);
        assertThat(h.stt.calls()).as("refused in the first pause, queued when the pause reached the end of a turn")
                .filteredOn(c -> c.audioMs() >= 12_000 && c.priority() != SpeechRecognizer.Priority.PARTIAL)
                .extracting(ScriptedSpeechRecognizer.Call::priority)
                .containsExactly(SpeechRecognizer.Priority.SPECULATIVE, SpeechRecognizer.Priority.FINAL);
        assertThat(h.latencies.getFirst().endOfTurnMs()).as("its transcript sounded finished: no long hold")
                .isBetween(700L, 740L);
        assertThat(h.conversation.inputs()).containsExactly(new EngineInput.Answer(SessionHarness.LONG_TEXT));
    }

    @Test
    void wordsThatTrailOffHoldTheTurnOpenAndWhatFollowsIsTheSameAnswer() {
        h.stt.transcripts("I would start by profiling the slow endpoint and");
        h.startVoice();
        h.hearUtteranceOut();
        h.speak(SessionHarness.SHORT_ANSWER);
        h.silence(1_000);
        assertThat(h.conversation.submitted).as("a short answer, but it trails off on \"and\"").isEmpty();
        assertThat(h.state()).isEqualTo("listening");
        h.speak(SessionHarness.SHORT_ANSWER);
        h.silenceUntil(() -> !h.conversation.submitted.isEmpty(), 2_000);
        assertThat(h.conversation.submitted).hasSize(1);
        assertThat(h.conversation.submitted.getFirst().meta().audioDurationMs()).as("both parts, one answer")
                .isGreaterThan(7_000L);
        assertThat(h.latencies.getFirst().endOfTurnMs()).as("it trails off again: the long silence")
                .isBetween(1_200L, 1_240L);
    }

    @Test
    void theTranscriptIsStartedInTheSilenceBeforeTheTurnEnds() {
        h.startVoice();
        h.hearUtteranceOut();
        h.speak(SessionHarness.SHORT_ANSWER);
        h.silenceUntil(() -> h.stt.calls().stream().anyMatch(c -> c.audioMs() >= 3_400
                && c.priority() == SpeechRecognizer.Priority.SPECULATIVE), 500);
        h.silenceUntil(() -> !h.conversation.submitted.isEmpty(), 2_000);
        assertThat(h.stt.calls()).as("the early transcript was used: no second run at the end of the turn")
                .noneMatch(c -> c.priority() == SpeechRecognizer.Priority.FINAL);
    }

    @Test
    void aBackchannelWhileTheInterviewerSpeaksIsNeitherAnAnswerNorAnInterruption() {
        h.startVoice();
        h.silence(300);
        h.speak(Wav.fixture("mm-hm.wav"));
        h.silence(1_000);
        assertThat(h.client.all(ServerMessage.AudioStop.class)).isEmpty();
        assertThat(h.state()).isEqualTo("speaking");
        h.hearUtteranceOut();
        h.silence(1_000);
        assertThat(h.conversation.submitted).isEmpty();
    }

    @Test
    void aBargeInStopsTheAudioAndRecordsOnlyWhatWasPlayed() {
        h.startVoice();
        String greeting = h.client.last(ServerMessage.Said.class).text();
        int audioId = h.lastAudioId();
        h.silence(2_000);
        h.speak(Arrays.copyOf(SessionHarness.LONG_ANSWER, 16 * 1_500));
        ServerMessage.AudioStop stop = h.client.last(ServerMessage.AudioStop.class);
        assertThat(stop).isEqualTo(new ServerMessage.AudioStop(audioId, "barge-in"));
        long sentAtStop = h.client.audioBytes();
        assertThat(sentAtStop / 32).as("the lead beyond the 2.6 s played when speech was confirmed")
                .isLessThan(2_000 + 1_500 + 500);
        String heard = h.conversation.heard.get(1);
        assertThat(greeting).startsWith(heard);
        int words = heard.split("\\s+").length;
        assertThat(words).as("about 2.6 s of 250 ms words were played").isBetween(9, 12);

        // the client reports what it really played (network delay: a little less)
        h.send("{\"type\":\"playback\",\"state\":\"stopped\",\"audioId\":" + audioId + ",\"playedMs\":2000}");
        assertThat(h.conversation.heard.get(1).split("\\s+")).hasSize(8);

        // nothing more of that audio goes out, and what the candidate is saying is the answer
        h.speak(Arrays.copyOfRange(SessionHarness.LONG_ANSWER, 16 * 1_500, SessionHarness.LONG_ANSWER.length));
        assertThat(h.client.audioBytes()).isEqualTo(sentAtStop);
        h.silenceUntil(() -> !h.conversation.submitted.isEmpty(), 3_000);
        assertThat(h.conversation.inputs()).hasSize(1);
        assertThat(((EngineInput.Answer) h.conversation.inputs().getFirst()).text()).isNotBlank();
    }

    @Test
    void silenceIsPromptedThenTheInterviewPausesAndSpeechResumesIt() {
        restart(Map.of("viva.voice.silence-prompt-after", "PT5S", "viva.voice.max-silence-prompts", "2"), 3);
        h.startVoice();
        h.hearUtteranceOut();
        h.silenceUntil(() -> h.conversation.submitted.size() == 1, 6_000);
        assertThat(h.conversation.inputs()).containsExactly(new EngineInput.Silence());
        h.hearUtteranceOut();
        h.silenceUntil(() -> h.conversation.submitted.size() == 2, 6_000);
        h.hearUtteranceOut();
        h.silenceUntil(() -> "paused".equals(h.state()), 6_000);
        h.silence(20_000);
        assertThat(h.conversation.submitted).as("no prompts while paused").hasSize(2);
        h.speak(SessionHarness.SHORT_ANSWER);
        assertThat(h.state()).isEqualTo("listening");
        h.silenceUntil(() -> h.conversation.submitted.size() == 3, 2_000);
        assertThat(h.conversation.inputs().getLast()).isEqualTo(new EngineInput.Answer(SessionHarness.SHORT_TEXT));
    }

    @Test
    void typedAnswersWorkInAVoiceSessionAndStopTheInterviewersAudio() {
        h.startVoice();
        h.silence(500);
        h.send("{\"type\":\"answer\",\"text\":\"I would add an index\",\"seq\":1}");
        assertThat(h.client.last(ServerMessage.AudioStop.class).reason()).isEqualTo("answered");
        assertThat(h.conversation.submitted.getFirst().meta().mode()).isEqualTo(InputMode.TEXT);
        assertThat(h.client.last(ServerMessage.Said.class).seq()).isEqualTo(2);
    }

    @Test
    void consentGivenInStartIsRecorded() {
        h.send("{\"type\":\"start\",\"speech\":false,\"consent\":true}");
        assertThat(h.conversation.consents).isEqualTo(1);
        h.send("{\"type\":\"start\",\"speech\":false}");
        assertThat(h.conversation.consents).as("a start without consent records none").isEqualTo(1);
    }

    @Test
    void textModeWithoutAudioAndTheSameButtons() {
        h.send("{\"type\":\"start\",\"speech\":false}");
        assertThat(h.client.last(ServerMessage.Ready.class).mode()).isEqualTo("text");
        assertThat(h.client.last(ServerMessage.Said.class).audioId()).isNull();
        assertThat(h.client.audioBytes()).isZero();
        h.send("{\"type\":\"repeat\"}");
        assertThat(h.conversation.inputs()).containsExactly(new EngineInput.RepeatRequest());
        h.send("{\"type\":\"ping\"}");
        assertThat(h.client.sent.getLast().message()).isEqualTo(new ServerMessage.Pong());
        h.clock.addAndGet(50_000);
        h.session.tick();
        assertThat(h.conversation.submitted).as("text sessions get no silence prompts").hasSize(1);
        assertThat(h.client.closeCode).isNull();
    }

    @Test
    void messagesAndAudioBeforeStartAreRefused() {
        h.send("{\"type\":\"answer\",\"text\":\"hello\"}");
        h.frame(Wav.silence(20), 20);
        assertThat(h.client.all(ServerMessage.Error.class)).extracting(ServerMessage.Error::status,
                ServerMessage.Error::code).containsExactly(tuple(409, "not-started"), tuple(409, "not-started"));
        assertThat(h.conversation.submitted).isEmpty();
    }

    @Test
    void malformedUnknownAndIncompleteMessagesGetClearErrorsAndTheSessionGoesOn() {
        h.startVoice();
        h.session.malformed("Unexpected character");
        h.send("{\"type\":\"dance\"}");
        h.send("{\"type\":\"answer\"}");
        assertThat(h.client.errorCodes()).containsExactly("bad-json", "unknown-type", "bad-request");
        assertThat(h.client.all(ServerMessage.Error.class).get(1).detail()).contains("unknown message type 'dance'");
        h.send("{\"type\":\"answer\",\"text\":\"still here\",\"seq\":1}");
        assertThat(h.conversation.inputs()).containsExactly(new EngineInput.Answer("still here"));
    }

    @Test
    void anOddLengthFrameIsRefusedAndTheNextFramesStillWork() {
        h.startVoice();
        h.hearUtteranceOut();
        h.clock.addAndGet(20);
        h.session.audio(ByteBuffer.wrap(new byte[321]), h.clock.get());
        h.drain();
        assertThat(h.client.errorCodes()).containsExactly("odd-length-audio");
        assertThat(h.client.last(ServerMessage.Error.class).detail()).contains("321 bytes");
        h.speak(SessionHarness.SHORT_ANSWER);
        h.silenceUntil(() -> !h.conversation.submitted.isEmpty(), 2_000);
        assertThat(h.conversation.inputs()).containsExactly(new EngineInput.Answer(SessionHarness.SHORT_TEXT));
    }

    @Test
    void repeatedFrameErrorsAreReportedOnceASecondEachKindOnItsOwn() {
        h.frame(Wav.silence(20), 20);
        h.startVoice();
        for (int i = 0; i < 10; i++) { // 200 ms of odd frames
            h.clock.addAndGet(20);
            h.session.audio(ByteBuffer.wrap(new byte[321]), h.clock.get());
        }
        h.drain();
        assertThat(h.client.errorCodes()).containsExactly("not-started", "odd-length-audio");
        h.clock.addAndGet(1_000);
        h.session.audio(ByteBuffer.wrap(new byte[321]), h.clock.get());
        h.drain();
        assertThat(h.client.errorCodes()).containsExactly("not-started", "odd-length-audio", "odd-length-audio");
    }

    @Test
    void audioFasterThanRealTimeIsDroppedThenTheSocketClosed() {
        h.startVoice();
        byte[] frame = Pcm.encodeS16le(Wav.silence(100));
        for (int i = 0; i < 60; i++) { // 6 s of audio in no time: the 3 s burst allowance and then some
            h.session.audio(ByteBuffer.wrap(frame), h.clock.get());
        }
        h.drain();
        assertThat(h.client.errorCodes()).containsExactly("rate-exceeded");
        assertThat(h.client.closeCode).isNull();
        for (int i = 0; i < 12; i++) { // keeps it up: 200 ms of audio every 100 ms for 11 s
            for (int j = 0; j < 10; j++) {
                h.clock.addAndGet(100);
                h.session.audio(ByteBuffer.wrap(frame), h.clock.get());
                h.session.audio(ByteBuffer.wrap(frame), h.clock.get());
            }
        }
        h.drain();
        assertThat(h.client.closeCode).isEqualTo(4429);
    }

    @Test
    void anAnswerThatRunsTooLongIsCutAndStillCommitted() {
        restart(Map.of("viva.voice.max-utterance", "PT5S"), 3);
        h.startVoice();
        h.hearUtteranceOut();
        h.speak(Arrays.copyOf(SessionHarness.LONG_ANSWER, 16 * 7_000));
        assertThat(h.client.noticeCodes()).contains("answer-cut");
        assertThat(h.conversation.submitted.getFirst().meta().audioDurationMs()).isBetween(5_000L, 5_400L);
    }

    @Test
    void audioAt48kHzIsResampled() {
        h.send("{\"type\":\"start\",\"audio\":{\"encoding\":\"s16le\",\"sampleRate\":48000,\"channels\":1}}");
        assertThat(h.client.last(ServerMessage.Ready.class).input().sampleRate()).isEqualTo(48_000);
        h.hearUtteranceOut();
        short[] upsampled = new short[SessionHarness.SHORT_ANSWER.length * 3];
        for (int i = 0; i < upsampled.length; i++) { // linear interpolation is plenty for an envelope-matching double
            int j = i / 3;
            int next = Math.min(j + 1, SessionHarness.SHORT_ANSWER.length - 1);
            upsampled[i] = (short) (SessionHarness.SHORT_ANSWER[j]
                    + (SessionHarness.SHORT_ANSWER[next] - SessionHarness.SHORT_ANSWER[j]) * (i % 3) / 3);
        }
        for (int pos = 0; pos < upsampled.length; pos += 960) {
            h.frame(Arrays.copyOfRange(upsampled, pos, Math.min(upsampled.length, pos + 960)), 20);
        }
        h.silenceUntil(() -> !h.conversation.submitted.isEmpty(), 48_000); // 16 kHz frames now count 3x: still fine
        assertThat(h.conversation.inputs()).containsExactly(new EngineInput.Answer(SessionHarness.SHORT_TEXT));
    }

    @Test
    void anUnsupportedFormatFallsBackToTextWithTheReason() {
        h.send("{\"type\":\"start\",\"audio\":{\"encoding\":\"opus\",\"sampleRate\":48000,\"channels\":2}}");
        assertThat(h.client.errorCodes()).containsExactly("bad-audio-format");
        ServerMessage.Ready ready = h.client.last(ServerMessage.Ready.class);
        assertThat(ready.mode()).isEqualTo("text");
        assertThat(ready.reason()).contains("unsupported audio format", "16000 Hz mono s16le");
        h.frame(Wav.silence(20), 20);
        assertThat(h.client.errorCodes()).as("audio in a text session is ignored").hasSize(1);
    }

    @Test
    void withoutSpeechRecognitionTheCandidateIsAskedToType() {
        h.stt.available(false);
        h.startVoice();
        ServerMessage.Ready ready = h.client.last(ServerMessage.Ready.class);
        assertThat(ready.mode()).isEqualTo("text");
        assertThat(ready.reason()).contains("please type");
        assertThat(h.client.last(ServerMessage.Said.class).audioId()).as("the interviewer still speaks").isNotNull();
    }

    @Test
    void audioThatIsNotUnderstoodIsTreatedAsNotCaught() {
        h.startVoice();
        h.hearUtteranceOut();
        h.speak(Wav.noise(1_500, -20, 7)); // loud, but not any clip the recognizer knows
        h.silenceUntil(() -> !h.conversation.submitted.isEmpty(), 3_000);
        assertThat(h.client.noticeCodes()).contains("not-caught");
        assertThat(h.conversation.inputs()).containsExactly(new EngineInput.Silence());
    }

    @Test
    void whenSpeechSynthesisFailsTheUtteranceGoesOutAsText() {
        h.tts.fail("voice not loaded");
        h.startVoice();
        assertThat(h.client.last(ServerMessage.Said.class).text()).contains("question number 1");
        assertThat(h.client.audioBytes()).isZero();
        assertThat(h.state()).isEqualTo("listening");
    }

    @Test
    void theClosingWordsArePlayedThenTheSessionCompletes() {
        restart(Map.of(), 1);
        h.startVoice();
        h.hearUtteranceOut();
        h.send("{\"type\":\"answer\",\"text\":\"my answer\",\"seq\":1}");
        assertThat(h.client.last(ServerMessage.Said.class).done()).isTrue();
        assertThat(h.client.closeCode).as("not before the goodbye was heard").isNull();
        h.hearUtteranceOut();
        assertThat(h.client.last(ServerMessage.Completed.class).reportUrl()).endsWith("/report");
        assertThat(h.client.closeCode).isEqualTo(1000);
    }

    @Test
    void aRefusalBecauseTheInterviewEndedClosesTheSession() {
        h.startVoice();
        h.conversation.refuse = ApiProblem.conflict("interview x is CANCELLED; answers are no longer accepted");
        h.send("{\"type\":\"answer\",\"text\":\"late\",\"seq\":1}");
        assertThat(h.client.errorCodes()).containsExactly("conflict");
        assertThat(h.client.closeCode).isEqualTo(4410);
    }

    @Test
    void idleAndOverlongConnectionsAreClosed() {
        h.send("{\"type\":\"start\"}");
        h.clock.addAndGet(59_000);
        h.session.tick();
        assertThat(h.client.closeCode).isNull();
        h.clock.addAndGet(1_000);
        h.session.tick();
        assertThat(h.client.closeCode).isEqualTo(4408);

        restart(Map.of("viva.voice.max-session", "PT1M"), 3);
        h.startVoice();
        h.silence(61_000);
        assertThat(h.client.closeCode).isEqualTo(4413);
    }

    @Test
    void mutingStopsPromptsAndDropsAudio() {
        restart(Map.of("viva.voice.silence-prompt-after", "PT5S"), 3);
        h.startVoice();
        h.hearUtteranceOut();
        h.send("{\"type\":\"mute\",\"muted\":true}");
        h.speak(SessionHarness.SHORT_ANSWER);
        h.silence(10_000);
        assertThat(h.conversation.submitted).isEmpty();
        assertThat(h.stt.calls()).isEmpty();
        h.send("{\"type\":\"mute\",\"muted\":false}");
        h.silenceUntil(() -> !h.conversation.submitted.isEmpty(), 6_000);
        assertThat(h.conversation.inputs()).containsExactly(new EngineInput.Silence());
    }

    @Test
    void aReconnectAfterAnAnswerWasCutOffIsToldToRepeatIt() {
        h.startVoice();
        h.hearUtteranceOut();
        h.speak(Arrays.copyOf(SessionHarness.SHORT_ANSWER, 16 * 1_000));
        assertThat(h.session.stop()).as("an answer was being spoken").isTrue();
        h.speak(SessionHarness.SHORT_ANSWER);
        h.silence(2_000);
        assertThat(h.conversation.submitted).as("a stopped session does nothing more").isEmpty();

        SessionHarness next = new SessionHarness();
        next.session.answerLost();
        assertThat(next.client.noticeCodes()).containsExactly("resumed");
        next.close();
    }
}
