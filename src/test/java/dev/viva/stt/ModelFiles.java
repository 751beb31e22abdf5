package dev.viva.stt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Model files for tests: whisper.cpp's weightless tiny.en test model and broken variants of it. */
final class ModelFiles {

    private ModelFiles() {
    }

    /** whisper.cpp's for-tests tiny.en (copied with its licence, see models/PROVENANCE.md): header, mel filters, vocabulary, no tensors. */
    static Path weightless() {
        return Path.of("src", "test", "resources", "models", "for-tests-ggml-tiny.en.bin");
    }

    static Path truncated(Path dir, int bytes) throws IOException {
        byte[] all = Files.readAllBytes(weightless());
        return write(dir, "truncated.bin", Arrays.copyOf(all, bytes));
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** The weightless model with one int of its header (by index: 0 magic, 1 n_vocab, ...) replaced. */
    static Path withHeaderInt(Path dir, int index, int value) throws IOException {
        byte[] all = Files.readAllBytes(weightless());
        java.nio.ByteBuffer.wrap(all).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(index * 4, value);
        return write(dir, "patched-" + index + ".bin", all);
    }

    /** The weightless model followed by raw bytes (e.g. a tensor header). */
    static Path withTrailer(Path dir, byte[] trailer) throws IOException {
        byte[] head = Files.readAllBytes(weightless());
        byte[] all = Arrays.copyOf(head, head.length + trailer.length);
        System.arraycopy(trailer, 0, all, head.length, trailer.length);
        return write(dir, "trailer.bin", all);
    }
}
