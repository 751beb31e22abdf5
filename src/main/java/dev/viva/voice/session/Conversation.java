package dev.viva.voice.session;

import dev.viva.interviewer.EngineInput;
import dev.viva.interviewer.Utterance;
import dev.viva.interviewer.generation.SpokenReply;
import dev.viva.interviewer.service.InterviewerService;

import java.util.Optional;

/**
 * One interview as a voice session sees it. Calls block (they commit to the database) and throw
 * {@link dev.viva.platform.error.ApiProblem} when refused, e.g. 409 once the interview was cancelled.
 */
public interface Conversation {

    /** The last thing the interviewer said, when the interview has started. */
    Optional<Utterance> current();

    /** Starts the interview, or returns the last utterance of one already under way. */
    Utterance start();

    /** Applies a candidate input; {@code seq} as in {@link InterviewerService#submit}. */
    Utterance submit(EngineInput input, Integer seq, InterviewerService.AnswerMeta meta);

    /**
     * Whether the interviewer may speak a reply while it is still being generated (a streaming language model). The
     * session then calls {@link #submit(EngineInput, Integer, InterviewerService.AnswerMeta, SpokenReply)} off its
     * own thread, so it keeps listening (and can be interrupted) while the model writes.
     */
    default boolean streamsReplies() {
        return false;
    }

    /**
     * As {@link #submit(EngineInput, Integer, InterviewerService.AnswerMeta)}, handing the reply's words to
     * {@code spoken} as they become safe to say; the returned utterance's text is exactly what was handed over.
     */
    default Utterance submit(EngineInput input, Integer seq, InterviewerService.AnswerMeta meta, SpokenReply spoken) {
        return submit(input, seq, meta);
    }

    /** Records that the candidate consented to the interview (the first time counts). */
    void recordConsent();

    /** Records that the candidate heard only {@code heard} of turn {@code seq}'s question (they interrupted it). */
    void recordHeard(int seq, String heard);

    /** Where the recruiter finds the report once the interview is over. */
    String reportPath();

    /** Where the interview stands in its plan now. */
    ServerMessage.Progress progress(Utterance current);
}
