package dev.viva.tts;

/**
 * A piece of synthesised speech.
 *
 * @param segment       index of the sentence-like segment this audio belongs to, from 0
 * @param text          the words of that segment (a trimmed substring of the synthesised text)
 * @param samples       16 kHz mono samples
 * @param lastOfSegment whether this is the segment's final chunk
 */
public record SpeechChunk(int segment, String text, short[] samples, boolean lastOfSegment) {
}
