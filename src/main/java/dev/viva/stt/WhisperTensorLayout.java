package dev.viva.stt;

import java.util.ArrayList;
import java.util.List;

/**
 * The tensors whisper.cpp expects in a model file with given hyper-parameters: names, shapes (ggml order, innermost
 * dimension first) and storage kind. Used to check a file before whisper.cpp reads it, and by the benchmark tool that
 * writes a random-weights model of exactly the real shapes.
 */
public final class WhisperTensorLayout {

    /** How a tensor is stored. */
    public enum Kind {
        /** Always 32-bit float: biases, layer norms, positional embeddings. */
        F32,
        /** Convolution kernels: 16-bit float unless the whole model is 32-bit. */
        CONV,
        /** Matrices: the model's weight type (f32, f16 or quantized). */
        MATRIX
    }

    /** One expected tensor. {@code ne} lists dimensions innermost first, as ggml and the file do. */
    public record Tensor(String name, int[] ne, Kind kind) {

        public long elements() {
            long n = 1;
            for (int d : ne) {
                n *= d;
            }
            return n;
        }
    }

    private WhisperTensorLayout() {
    }

    public static List<Tensor> tensors(WhisperHyperParameters h) {
        List<Tensor> out = new ArrayList<>();
        int s = h.nAudioState();
        out.add(new Tensor("encoder.positional_embedding", new int[] {s, h.nAudioCtx()}, Kind.F32));
        out.add(new Tensor("encoder.conv1.weight", new int[] {3, h.nMels(), s}, Kind.CONV));
        out.add(new Tensor("encoder.conv1.bias", new int[] {1, s}, Kind.F32));
        out.add(new Tensor("encoder.conv2.weight", new int[] {3, s, s}, Kind.CONV));
        out.add(new Tensor("encoder.conv2.bias", new int[] {1, s}, Kind.F32));
        out.add(new Tensor("encoder.ln_post.weight", new int[] {s}, Kind.F32));
        out.add(new Tensor("encoder.ln_post.bias", new int[] {s}, Kind.F32));
        for (int i = 0; i < h.nAudioLayer(); i++) {
            block(out, "encoder.blocks." + i + ".", s, false);
        }
        int t = h.nTextState();
        out.add(new Tensor("decoder.positional_embedding", new int[] {t, h.nTextCtx()}, Kind.F32));
        out.add(new Tensor("decoder.token_embedding.weight", new int[] {t, h.nVocab()}, Kind.MATRIX));
        out.add(new Tensor("decoder.ln.weight", new int[] {t}, Kind.F32));
        out.add(new Tensor("decoder.ln.bias", new int[] {t}, Kind.F32));
        for (int i = 0; i < h.nTextLayer(); i++) {
            block(out, "decoder.blocks." + i + ".", t, true);
        }
        return out;
    }

    private static void block(List<Tensor> out, String prefix, int s, boolean cross) {
        out.add(new Tensor(prefix + "mlp_ln.weight", new int[] {s}, Kind.F32));
        out.add(new Tensor(prefix + "mlp_ln.bias", new int[] {s}, Kind.F32));
        out.add(new Tensor(prefix + "mlp.0.weight", new int[] {s, 4 * s}, Kind.MATRIX));
        out.add(new Tensor(prefix + "mlp.0.bias", new int[] {4 * s}, Kind.F32));
        out.add(new Tensor(prefix + "mlp.2.weight", new int[] {4 * s, s}, Kind.MATRIX));
        out.add(new Tensor(prefix + "mlp.2.bias", new int[] {s}, Kind.F32));
        attention(out, prefix + "attn", s);
        if (cross) {
            attention(out, prefix + "cross_attn", s);
        }
    }

    private static void attention(List<Tensor> out, String prefix, int s) {
        out.add(new Tensor(prefix + "_ln.weight", new int[] {s}, Kind.F32));
        out.add(new Tensor(prefix + "_ln.bias", new int[] {s}, Kind.F32));
        out.add(new Tensor(prefix + ".query.weight", new int[] {s, s}, Kind.MATRIX));
        out.add(new Tensor(prefix + ".query.bias", new int[] {s}, Kind.F32));
        out.add(new Tensor(prefix + ".key.weight", new int[] {s, s}, Kind.MATRIX));
        out.add(new Tensor(prefix + ".value.weight", new int[] {s, s}, Kind.MATRIX));
        out.add(new Tensor(prefix + ".value.bias", new int[] {s}, Kind.F32));
        out.add(new Tensor(prefix + ".out.weight", new int[] {s, s}, Kind.MATRIX));
        out.add(new Tensor(prefix + ".out.bias", new int[] {s}, Kind.F32));
    }
}
