package dev.viva.stt;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a whisper.cpp model with the exact tensor shapes and types of ggml-tiny.en.bin but random weights, so that
 * real transcription compute can be measured where no Whisper weights can be
 * downloaded. Header, mel filters and vocabulary are copied from whisper.cpp's weightless test model.
 *
 * <p>Random weights never predict the end-of-text token, so decoding runs to whisper.cpp's per-window token limit
 * (about 220 tokens, where real speech of 11 s needs about 30): {@link Decoding#RANDOM} measures an upper bound.
 * {@link Decoding#IMMEDIATE_END} makes the final layer norm constant (weight 0, bias 1) and the end-of-text embedding
 * row all ones, so end-of-text wins from the second step: that measures the encoder plus two decoder steps, a lower
 * bound. {@link Decoding#SPOKEN_LENGTH} decodes {@value #SPOKEN_TOKENS} random tokens, about what 8 s of speech
 * produces, then ends: the decoder positions from there on carry a large alternating pattern, and the end-of-text
 * embedding row is that pattern at the scale of the other rows, so it loses to them like any random row before that
 * position (the pattern is drowned in noise there) and wins by far after it. All three run every layer at full size.
 *
 * <p>The benchmarks ({@code SpeechRecognitionBenchmark}, {@code VoiceLatencyBenchmark}) write the variants they use
 * into {@code target/bench-models/}; after {@code ./mvnw test-compile} a file can also be written by hand with
 * {@code java -cp target/test-classes:target/classes dev.viva.stt.RandomWhisperModel OUT.bin
 * [random|immediate-end|spoken-length]}.
 */
public final class RandomWhisperModel {

    /** How the decoder behaves. */
    public enum Decoding { RANDOM, IMMEDIATE_END, SPOKEN_LENGTH }

    /** Tokens {@link Decoding#SPOKEN_LENGTH} decodes: speech runs at about 3 tokens a second. */
    static final int SPOKEN_TOKENS = 24;
    /** Decoder positions taken by the prompt (start of transcript, no timestamps) before the first decoded token. */
    private static final int PROMPT_TOKENS = 2;

    /** End-of-text token of the English-only models. */
    private static final int TOKEN_EOT_EN = 50256;

    private RandomWhisperModel() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RandomWhisperModel OUT.bin [random|immediate-end|spoken-length]");
            System.exit(2);
        }
        Decoding decoding = args.length > 1 ? Decoding.valueOf(args[1].toUpperCase(java.util.Locale.ROOT)
                .replace('-', '_')) : Decoding.RANDOM;
        Path out = Path.of(args[0]);
        write(ModelFiles.weightless(), out, decoding, 42);
        System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
    }

    /** The model with {@code decoding}, written into {@code target/bench-models/} the first time it is asked for. */
    public static Path benchModel(Decoding decoding) throws IOException {
        Path file = Path.of("target", "bench-models",
                "ggml-random-tiny.en-" + decoding.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".bin");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            write(ModelFiles.weightless(), file, decoding, 42);
        }
        return file;
    }

    /** Writes the model; {@code header} must be a weightless tiny.en file. */
    public static void write(Path header, Path out, Decoding decoding, long seed) throws IOException {
        GgmlModelValidator.ModelInfo info;
        try {
            info = GgmlModelValidator.validate(header);
        } catch (InvalidModelException e) {
            throw new IOException(e.getMessage());
        }
        if (!info.weightless() || !info.hyperParameters().equals(WhisperHyperParameters.TINY_EN)) {
            throw new IOException(header + " is not a weightless tiny.en model");
        }
        SplittableRandom random = new SplittableRandom(seed);
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            stream.write(Files.readAllBytes(header));
            for (WhisperTensorLayout.Tensor tensor : WhisperTensorLayout.tensors(info.hyperParameters())) {
                boolean half = tensor.kind() != WhisperTensorLayout.Kind.F32;
                writeHeader(stream, tensor, half ? 1 : 0);
                int columns = tensor.ne()[0];
                ByteBuffer row = ByteBuffer.allocate(columns * (half ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
                long rows = tensor.elements() / columns;
                for (long r = 0; r < rows; r++) {
                    row.clear();
                    for (int c = 0; c < columns; c++) {
                        float value = value(tensor.name(), r, c, decoding, random);
                        if (half) {
                            row.putShort(Float.floatToFloat16(value));
                        } else {
                            row.putFloat(value);
                        }
                    }
                    stream.write(row.array());
                }
            }
        }
    }

    private static float value(String name, long row, int column, Decoding decoding, SplittableRandom random) {
        if (decoding == Decoding.SPOKEN_LENGTH) {
            float sign = column % 2 == 0 ? 1f : -1f;
            if (name.equals("decoder.positional_embedding") && row >= PROMPT_TOKENS + SPOKEN_TOKENS) {
                return 4 * sign;
            }
            if (name.equals("decoder.token_embedding.weight") && row == TOKEN_EOT_EN) {
                return 0.02f * sign;
            }
        }
        if (decoding == Decoding.IMMEDIATE_END) {
            if (name.equals("decoder.ln.weight")) {
                return 0f;
            }
            if (name.equals("decoder.ln.bias")) {
                return 1f;
            }
            if (name.equals("decoder.token_embedding.weight") && row == TOKEN_EOT_EN) {
                return 1f;
            }
        }
        if (name.endsWith("_ln.weight") || name.endsWith("ln_post.weight") || name.equals("decoder.ln.weight")) {
            return 1f; // layer norms near identity keep activations finite through every layer
        }
        return (float) (random.nextGaussian() * 0.02);
    }

    private static void writeHeader(OutputStream stream, WhisperTensorLayout.Tensor tensor, int type)
            throws IOException {
        byte[] name = tensor.name().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer header = ByteBuffer.allocate(12 + 4 * tensor.ne().length + name.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(tensor.ne().length).putInt(name.length).putInt(type);
        for (int d : tensor.ne()) {
            header.putInt(d);
        }
        header.put(name);
        stream.write(header.array());
    }
}
