package dev.viva.stt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GgmlModelValidatorTest {

    @TempDir
    Path dir;

    private String rejection(Path file) {
        return assertThrows(InvalidModelException.class, () -> GgmlModelValidator.validate(file)).getMessage();
    }

    @Test
    void acceptsWhisperCppsWeightlessTestModel() throws Exception {
        GgmlModelValidator.ModelInfo info = GgmlModelValidator.validate(ModelFiles.weightless());
        assertEquals(WhisperHyperParameters.TINY_EN, info.hyperParameters());
        assertEquals("tiny", info.hyperParameters().sizeName());
        assertTrue(info.weightless());
    }

    @Test
    void rejectsMissingAndForeignFiles() throws Exception {
        assertTrue(rejection(dir.resolve("nope.bin")).contains("does not exist"));
        byte[] random = new byte[100_000];
        new Random(1).nextBytes(random);
        assertTrue(rejection(ModelFiles.write(dir, "random.bin", random)).contains("bad magic"));
        assertTrue(rejection(ModelFiles.write(dir, "empty.bin", new byte[0])).contains("bad magic"));
        assertTrue(rejection(ModelFiles.write(dir, "html.bin",
                "<html>404 Not Found</html>".getBytes(StandardCharsets.UTF_8))).contains("bad magic"));
    }

    @Test
    void rejectsTruncatedFilesAtEveryStage() throws Exception {
        assertTrue(rejection(ModelFiles.truncated(dir, 30)).contains("file ends inside"));      // hyper-parameters
        assertTrue(rejection(ModelFiles.truncated(dir, 20_000)).contains("mel filters"));
        assertTrue(rejection(ModelFiles.truncated(dir, 300_000)).contains("token"));
    }

    @Test
    void rejectsImplausibleHyperParameters() throws Exception {
        assertTrue(rejection(ModelFiles.withHeaderInt(dir, 5, 100_000)).contains("hyper-parameters")); // n_audio_layer
        assertTrue(rejection(ModelFiles.withHeaderInt(dir, 10, 4)).contains("hyper-parameters"));     // n_mels
        assertTrue(rejection(ModelFiles.withHeaderInt(dir, 11, 99)).contains("ftype"));
        assertTrue(rejection(ModelFiles.withHeaderInt(dir, 12, 7)).contains("mel filters are 7x201"));
    }

    @Test
    void rejectsTensorsThatDoNotBelongOrRunPastTheEnd() throws Exception {
        assertTrue(rejection(ModelFiles.withTrailer(dir, tensor("encoder.ln_post.weight", 0, 384)))
                .contains("ends inside the data of tensor 'encoder.ln_post.weight'"));
        assertTrue(rejection(ModelFiles.withTrailer(dir, tensor("encoder.ln_post.weight", 0, 512)))
                .contains("has shape [512], expected [384]"));
        assertTrue(rejection(ModelFiles.withTrailer(dir, tensor("encoder.evil", 0, 384)))
                .contains("unexpected tensor 'encoder.evil'"));
        // a complete, correct tensor, but a model needs all 167 of them
        byte[] one = tensor("encoder.ln_post.weight", 0, 384);
        byte[] withData = java.util.Arrays.copyOf(one, one.length + 384 * 4);
        assertTrue(rejection(ModelFiles.withTrailer(dir, withData)).contains("only 1 of the 167 tensors"));
        assertTrue(rejection(ModelFiles.withTrailer(dir, new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}))
                .contains("corrupt tensor header"));
    }

    /** A tensor header as whisper.cpp reads it: dims, name length, type, shape, name (data not included). */
    static byte[] tensor(String name, int type, int... ne) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(12 + 4 * ne.length + nameBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(ne.length).putInt(nameBytes.length).putInt(type);
        for (int d : ne) {
            out.putInt(d);
        }
        out.put(nameBytes);
        return out.array();
    }
}
