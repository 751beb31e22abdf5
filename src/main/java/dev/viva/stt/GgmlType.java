package dev.viva.stt;

/** ggml tensor storage types that whisper.cpp model files use, with their block sizes. */
enum GgmlType {
    F32(0, 4, 1), F16(1, 2, 1), Q4_0(2, 18, 32), Q4_1(3, 20, 32), Q5_0(6, 22, 32), Q5_1(7, 24, 32), Q8_0(8, 34, 32),
    Q2_K(10, 84, 256), Q3_K(11, 110, 256), Q4_K(12, 144, 256), Q5_K(13, 176, 256), Q6_K(14, 210, 256);

    final int id;
    final int blockBytes;
    final int blockElements;

    GgmlType(int id, int blockBytes, int blockElements) {
        this.id = id;
        this.blockBytes = blockBytes;
        this.blockElements = blockElements;
    }

    static GgmlType byId(int id) {
        for (GgmlType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        return null;
    }

    /** The matrix type of a whole-model {@code ftype} (whisper.cpp's ggml_ftype_to_ggml_type), null if unknown. */
    static GgmlType ofModelFtype(int ftype) {
        return switch (ftype % 1000) { // the thousands carry the quantisation format version
            case 0 -> F32;
            case 1 -> F16;
            case 2 -> Q4_0;
            case 3 -> Q4_1;
            case 7 -> Q8_0;
            case 8 -> Q5_0;
            case 9 -> Q5_1;
            case 10 -> Q2_K;
            case 11 -> Q3_K;
            case 12 -> Q4_K;
            case 13 -> Q5_K;
            case 14 -> Q6_K;
            default -> null;
        };
    }

    long bytes(long elements) {
        return elements / blockElements * blockBytes;
    }
}
