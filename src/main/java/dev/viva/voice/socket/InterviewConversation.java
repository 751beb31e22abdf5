package dev.viva.voice.socket;

import dev.viva.interview.Interview;
import dev.viva.interview.service.InterviewService;
import dev.viva.interviewer.EngineInput;
import dev.viva.interviewer.Utterance;
import dev.viva.interviewer.generation.SpokenReply;
import dev.viva.interviewer.service.InterviewerService;
import dev.viva.role.Phase;
import dev.viva.role.RoleTemplates;
import dev.viva.role.RoleTemplate;
import dev.viva.voice.session.Conversation;
import dev.viva.voice.session.ServerMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A voice session's view of one interview, backed by the interviewer and the interview's records. */
final class InterviewConversation implements Conversation {

    private final UUID interviewId;
    private final InterviewerService interviewer;
    private final InterviewService interviews;
    private final RoleTemplates roles;
    private final boolean streams;
    private Instant startedAt;
    private int plannedMinutes = -1;

    InterviewConversation(UUID interviewId, InterviewerService interviewer, InterviewService interviews,
                          RoleTemplates roles, boolean streams) {
        this.interviewId = interviewId;
        this.streams = streams;
        this.interviewer = interviewer;
        this.interviews = interviews;
        this.roles = roles;
    }

    @Override
    public Optional<Utterance> current() {
        return interviewer.current(interviewId);
    }

    @Override
    public Utterance start() {
        return interviewer.start(interviewId);
    }

    @Override
    public Utterance submit(EngineInput input, Integer seq, InterviewerService.AnswerMeta meta) {
        return interviewer.submit(interviewId, input, seq, meta);
    }

    @Override
    public boolean streamsReplies() {
        return streams;
    }

    @Override
    public Utterance submit(EngineInput input, Integer seq, InterviewerService.AnswerMeta meta, SpokenReply spoken) {
        return ScopedValue.where(SpokenReply.CURRENT, spoken).call(() -> interviewer.submit(interviewId, input, seq,
                meta));
    }

    @Override
    public void recordConsent() {
        interviews.recordConsent(interviewId);
    }

    @Override
    public void recordHeard(int seq, String heard) {
        interviews.recordHeard(interviewId, seq, heard);
    }

    @Override
    public String reportPath() {
        return "/api/v1/interviews/" + interviewId + "/report";
    }

    @Override
    public ServerMessage.Progress progress(Utterance current) {
        if (startedAt == null) {
            Interview interview = interviews.get(interviewId);
            startedAt = interview.startedAt;
            plannedMinutes = roles.version(interview.roleId, interview.roleVersion).map(RoleTemplate::totalMinutes)
                    .orElse(0);
        }
        // the wall clock, as for startedAt itself (the interviewer's own clock is a bean tests move)
        long elapsed = startedAt == null ? 0 : Math.max(0, Duration.between(startedAt, Instant.now()).toSeconds());
        return new ServerMessage.Progress(current.phase(), current.phase().ordinal() + 1, Phase.values().length,
                elapsed, Math.max(0, plannedMinutes * 60L - elapsed));
    }
}
