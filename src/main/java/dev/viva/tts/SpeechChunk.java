package dev.viva.tts;

/**
 * A piece of synthesised audio.
 *
 * @param segment       index of the sentence-like segment this audio belongs to, from 0
 * @param text          the words of that segment (exactly a substring of the synthesised text, trimmed)
 * @param samples       16 kHz mono samples
 * @param lastOfSegment whether this is the segment's final chunk
 */
public record SpeechChunk(int segment, String text, short[] samples, boolean lastOfSegment) {
}
