package dev.viva.stt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomWhisperModelTest {

    @TempDir
    Path dir;

    @Test
    void hasTheExactLayoutOfTheRealTinyEnFile() throws Exception {
        Path model = dir.resolve("ggml-random-tiny.en.bin");
        RandomWhisperModel.write(ModelFiles.weightless(), model, RandomWhisperModel.Decoding.RANDOM, 1);
        // the published ggml-tiny.en.bin has 77,704,715 bytes; this file's vocabulary strings come from the test model
        // and differ slightly (an odd number of bytes, which tensor headers and data, all word-sized, cannot cause)
        long difference = Files.size(model) - 77_704_715L;
        assertTrue(Math.abs(difference) < 1024 && difference % 2 != 0, "size differs by " + difference);
        GgmlModelValidator.ModelInfo info = GgmlModelValidator.validate(model);
        assertEquals(167, info.tensors());
        assertFalse(info.weightless());
        // whisper.cpp accepts it too: it checks every tensor's name, shape and byte size while loading
        try (WhisperEngine engine = WhisperEngine.load(model, new WhisperEngine.Settings(1, 1, 0, "en", true))) {
            assertEquals(167, engine.model().tensors());
        }
    }
}
