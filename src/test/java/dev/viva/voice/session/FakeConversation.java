package dev.viva.voice.session;

import dev.viva.interviewer.EngineInput;
import dev.viva.interviewer.Utterance;
import dev.viva.interviewer.UtteranceKind;
import dev.viva.interviewer.service.InterviewerService;
import dev.viva.platform.error.ApiProblem;
import dev.viva.role.Phase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An interview with a fixed script: each answer opens the next question, a silence gets "didn't catch that", and
 * after {@code questions} answers the closing words. Records what the session submitted.
 */
final class FakeConversation implements Conversation {

    record Submitted(EngineInput input, Integer seq, InterviewerService.AnswerMeta meta) {
    }

    private final int questions;
    final List<Submitted> submitted = new ArrayList<>();
    final Map<Integer, String> heard = new LinkedHashMap<>();
    private Utterance last;
    ApiProblem refuse;
    int consents;

    FakeConversation(int questions) {
        this.questions = questions;
    }

    static String question(int seq) {
        return "Thanks. This is question number " + seq + ". Could you tell me how you would approach it?";
    }

    @Override
    public Optional<Utterance> current() {
        return Optional.ofNullable(last);
    }

    @Override
    public Utterance start() {
        if (refuse != null) {
            throw refuse;
        }
        if (last == null) {
            last = new Utterance(1, UtteranceKind.QUESTION, "Hello, I am the interviewer. " + question(1),
                    Phase.INTRODUCTION, 1, false, null);
        }
        return last;
    }

    @Override
    public Utterance submit(EngineInput input, Integer seq, InterviewerService.AnswerMeta meta) {
        if (refuse != null) {
            throw refuse;
        }
        submitted.add(new Submitted(input, seq, meta));
        if (input instanceof EngineInput.Silence) {
            last = new Utterance(last.seq(), UtteranceKind.NOT_CAUGHT, "Sorry, I didn't catch that. Take your time.",
                    last.phase(), last.difficulty(), false, null);
        } else if (input instanceof EngineInput.RepeatRequest) {
            last = new Utterance(last.seq(), UtteranceKind.REPEAT, "Sure. " + question(last.seq()), last.phase(),
                    last.difficulty(), false, null);
        } else if (last.seq() >= questions) {
            last = new Utterance(last.seq(), UtteranceKind.CLOSING, "Thank you, that is all. Goodbye.", Phase.WRAP_UP,
                    1, true, null);
        } else {
            last = new Utterance(last.seq() + 1, UtteranceKind.QUESTION, question(last.seq() + 1), Phase.FOUNDATION,
                    2, false, null);
        }
        return last;
    }

    @Override
    public void recordConsent() {
        consents++;
    }

    @Override
    public void recordHeard(int seq, String heardText) {
        heard.put(seq, heardText);
    }

    @Override
    public String reportPath() {
        return "/api/v1/interviews/fake/report";
    }

    @Override
    public ServerMessage.Progress progress(Utterance current) {
        return new ServerMessage.Progress(current.phase(), current.phase().ordinal() + 1, 6, 0, 1800);
    }

    List<EngineInput> inputs() {
        return submitted.stream().map(Submitted::input).toList();
    }
}
