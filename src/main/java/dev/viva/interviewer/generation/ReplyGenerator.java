package dev.viva.interviewer.generation;

/** Puts the engine's moves into the persona's words. Must never fail: a generator that can fail falls back. */
public interface ReplyGenerator {

    Reply reply(ReplyContext context, Move move);
}
