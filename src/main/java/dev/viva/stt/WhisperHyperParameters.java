package dev.viva.stt;

/** The hyper-parameters at the start of a whisper.cpp ggml file, in file order. */
public record WhisperHyperParameters(int nVocab, int nAudioCtx, int nAudioState, int nAudioHead, int nAudioLayer,
                                     int nTextCtx, int nTextState, int nTextHead, int nTextLayer, int nMels,
                                     int ftype) {

    /** whisper.cpp's hyper-parameters of tiny.en. */
    public static final WhisperHyperParameters TINY_EN =
            new WhisperHyperParameters(51864, 1500, 384, 6, 4, 448, 384, 6, 4, 80, 1);

    /** The model size name whisper.cpp would print for these dimensions. */
    public String sizeName() {
        return switch (nAudioLayer) {
            case 4 -> "tiny";
            case 6 -> "base";
            case 12 -> "small";
            case 24 -> "medium";
            case 32 -> nTextLayer == 4 ? "large-v3-turbo" : "large";
            default -> "unknown (" + nAudioLayer + " layers)";
        };
    }
}
