package dev.viva.voice.session;

import dev.viva.interviewer.Utterance;
import dev.viva.tts.SpeechChunk;
import dev.viva.tts.SpeechSynthesizer;
import dev.viva.tts.Synthesis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One utterance's audio on its way to the client: the chunks synthesised but not yet sent, pacing at real time plus
 * a small lead, and which words were played by a given moment, so that an interrupted question is recorded as far as
 * the candidate heard it. Not thread-safe: owned by its session.
 */
final class Playback {

    private static final int SAMPLES_PER_MS = SpeechSynthesizer.SAMPLE_RATE / 1000;

    /** A segment's words and where its audio lies in the utterance, in samples. */
    private record Segment(String text, long from, long to) {
    }

    final int audioId;
    /** What is said; null while a streamed reply is still being generated. */
    Utterance utterance;
    Synthesis synthesis;
    /** A streamed reply's text not synthesised yet, one synthesis at a time so its audio stays in order. */
    final ArrayDeque<String> toSynthesise = new ArrayDeque<>();
    boolean synthesising;
    /** A streamed reply's text is all known (its utterance arrived). */
    boolean textComplete;
    /** How much was played when a streamed reply was stopped before its utterance was known, to record it then. */
    Long heardMs;
    /** Index of the first segment of the synthesis under way: each synthesis numbers its segments from 0. */
    private int segmentBase;
    private final ArrayDeque<short[]> queue = new ArrayDeque<>();
    private final List<Segment> segments = new ArrayList<>();
    private long producedSamples;
    private long sentSamples;
    private long startedAt = -1;
    private boolean synthesised;
    private boolean endSent;

    Playback(int audioId, Utterance utterance) {
        this.audioId = audioId;
        this.utterance = utterance;
    }

    void add(SpeechChunk chunk) {
        Segment last = segments.isEmpty() ? null : segments.getLast();
        long to = producedSamples + chunk.samples().length;
        if (last != null && segments.size() - 1 == segmentBase + chunk.segment()) {
            segments.set(segments.size() - 1, new Segment(last.text(), last.from(), to));
        } else {
            segments.add(new Segment(chunk.text(), producedSamples, to));
        }
        producedSamples = to;
        queue.add(chunk.samples());
    }

    /** A further synthesis of this utterance begins (a streamed reply's next sentence). */
    void nextSynthesis() {
        segmentBase = segments.size();
    }

    void synthesised() {
        synthesised = true;
    }

    /** The chunks to send at {@code now}: whatever keeps the client at most {@code leadMs} ahead of real time. */
    List<short[]> due(long now, long leadMs) {
        List<short[]> out = new ArrayList<>();
        while (!queue.isEmpty() && (startedAt < 0 || sentMs() < now - startedAt + leadMs)) {
            if (startedAt < 0) {
                startedAt = now;
            }
            short[] chunk = queue.poll();
            sentSamples += chunk.length;
            out.add(chunk);
        }
        return out;
    }

    boolean started() {
        return startedAt >= 0;
    }

    /** Whether all audio has been sent and {@code audio.end} is owed. */
    boolean endDue() {
        return synthesised && queue.isEmpty() && started() && !endSent;
    }

    void endSent() {
        endSent = true;
    }

    /** Whether all of the utterance's audio was sent. */
    boolean allSent() {
        return endSent;
    }

    /** Whether everything was sent and should have finished playing by {@code now}, allowing {@code graceMs}. */
    boolean playedOut(long now, long graceMs) {
        return endSent && now >= startedAt + sentMs() + graceMs;
    }

    boolean nothingToPlay() {
        return synthesised && !started() && queue.isEmpty();
    }

    long sentMs() {
        return sentSamples / SAMPLES_PER_MS;
    }

    /** How much the client can have played by {@code now}: never more than was sent. */
    long playedMs(long now) {
        return startedAt < 0 ? 0 : Math.min(sentMs(), now - startedAt);
    }

    /**
     * The words of the utterance heard in its first {@code playedMs}: the segments played in full and, of the segment
     * under way, the share of its words matching the share of its audio played. Null when everything was heard.
     */
    String heard(long playedMs) {
        long played = playedMs * SAMPLES_PER_MS;
        if (synthesised && played >= producedSamples) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (Segment s : segments) {
            String[] segmentWords = s.text().split("\\s+");
            if (played >= s.to()) {
                words.addAll(List.of(segmentWords));
            } else if (played > s.from()) {
                int share = (int) (segmentWords.length * (played - s.from()) / (s.to() - s.from()));
                words.addAll(List.of(segmentWords).subList(0, share));
                break;
            } else {
                break;
            }
        }
        return String.join(" ", words);
    }
}
