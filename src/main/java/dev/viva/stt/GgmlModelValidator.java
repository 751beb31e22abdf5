package dev.viva.stt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a whisper.cpp ggml model file the way whisper.cpp will, but defensively, so that a truncated download, a
 * wrong file or a corrupt header is reported as a message instead of aborting the JVM inside native code (whisper.cpp
 * trusts the sizes it reads). Checks the magic, the hyper-parameters, the mel filter and vocabulary sections, and
 * every tensor header against the shapes those hyper-parameters imply, with each tensor's data inside the file.
 */
public final class GgmlModelValidator {

    static final int MAGIC = 0x67676d6c; // "ggml"
    private static final int N_FFT = 201; // whisper's mel filter bank width: 400-point FFT -> 201 bins
    private static final int MAX_TOKEN_BYTES = 1 << 16;

    /** What the file holds. {@code tensors} is 0 for whisper.cpp's weightless test models. */
    public record ModelInfo(WhisperHyperParameters hyperParameters, int tensors, long bytes) {

        public boolean weightless() {
            return tensors == 0;
        }
    }

    private GgmlModelValidator() {
    }

    public static ModelInfo validate(Path file) throws InvalidModelException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidModelException("model file " + file + " does not exist or is not a regular file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Reader(channel, file).read();
        } catch (IOException e) {
            throw new InvalidModelException("cannot read model file " + file + ": " + e.getMessage());
        }
    }

    private static final class Reader {

        private final FileChannel channel;
        private final Path file;
        private final long size;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        private long bufferStart;
        private long pos;

        Reader(FileChannel channel, Path file) throws IOException {
            this.channel = channel;
            this.file = file;
            this.size = channel.size();
            buffer.limit(0);
        }

        ModelInfo read() throws IOException, InvalidModelException {
            if (size < 4 || int32("magic") != MAGIC) {
                throw invalid("not a whisper.cpp ggml model (bad magic number)");
            }
            WhisperHyperParameters h = new WhisperHyperParameters(int32("n_vocab"), int32("n_audio_ctx"),
                    int32("n_audio_state"), int32("n_audio_head"), int32("n_audio_layer"), int32("n_text_ctx"),
                    int32("n_text_state"), int32("n_text_head"), int32("n_text_layer"), int32("n_mels"),
                    int32("ftype"));
            checkHyperParameters(h);
            int melCount = int32("mel filter count");
            int melWidth = int32("mel filter width");
            if (melCount != h.nMels() || melWidth != N_FFT) {
                throw invalid("mel filters are " + melCount + "x" + melWidth + ", expected " + h.nMels() + "x" + N_FFT);
            }
            skip((long) melCount * melWidth * 4, "mel filters");
            int tokens = int32("vocabulary size");
            if (tokens <= 0 || tokens > h.nVocab()) {
                throw invalid("vocabulary holds " + tokens + " tokens, the model declares " + h.nVocab());
            }
            for (int i = 0; i < tokens; i++) {
                int length = int32("token length");
                if (length < 0 || length > MAX_TOKEN_BYTES) {
                    throw invalid("token " + i + " has an impossible length " + length);
                }
                skip(length, "token " + i);
            }
            int tensors = checkTensors(h);
            return new ModelInfo(h, tensors, size);
        }

        private void checkHyperParameters(WhisperHyperParameters h) throws InvalidModelException {
            boolean plausible = h.nVocab() > 50_000 && h.nVocab() < 52_000
                    && h.nAudioCtx() == 1500 && h.nTextCtx() == 448
                    && (h.nMels() == 80 || h.nMels() == 128)
                    && dims(h.nAudioState(), h.nAudioHead(), h.nAudioLayer())
                    && dims(h.nTextState(), h.nTextHead(), h.nTextLayer());
            if (!plausible) {
                throw invalid("hyper-parameters are not those of a Whisper model: " + h);
            }
            if (GgmlType.ofModelFtype(h.ftype()) == null) {
                throw invalid("unknown weight type (ftype " + h.ftype() + ")");
            }
        }

        private static boolean dims(int state, int heads, int layers) {
            return state >= 64 && state <= 4096 && heads > 0 && heads <= 64 && state % heads == 0
                    && layers > 0 && layers <= 64;
        }

        private int checkTensors(WhisperHyperParameters h) throws IOException, InvalidModelException {
            Map<String, WhisperTensorLayout.Tensor> expected = new HashMap<>();
            for (WhisperTensorLayout.Tensor t : WhisperTensorLayout.tensors(h)) {
                expected.put(t.name(), t);
            }
            GgmlType matrixType = GgmlType.ofModelFtype(h.ftype());
            Set<String> seen = new HashSet<>();
            while (pos < size) {
                int dims = int32("tensor dimensions");
                int nameLength = int32("tensor name length");
                int typeId = int32("tensor type");
                if (dims < 1 || dims > 4 || nameLength < 1 || nameLength > 256) {
                    throw invalid("corrupt tensor header at byte " + (pos - 12));
                }
                int[] ne = new int[dims];
                long elements = 1;
                for (int i = 0; i < dims; i++) {
                    ne[i] = int32("tensor shape");
                    if (ne[i] <= 0) {
                        throw invalid("corrupt tensor shape at byte " + (pos - 4));
                    }
                    elements *= ne[i];
                }
                String name = string(nameLength);
                WhisperTensorLayout.Tensor spec = expected.get(name);
                if (spec == null) {
                    throw invalid("unexpected tensor '" + name + "' for a " + h.sizeName() + " model");
                }
                if (!seen.add(name)) {
                    throw invalid("tensor '" + name + "' appears twice");
                }
                if (!Arrays.equals(trim(ne), trim(spec.ne()))) {
                    throw invalid("tensor '" + name + "' has shape " + Arrays.toString(ne) + ", expected "
                            + Arrays.toString(spec.ne()));
                }
                GgmlType type = GgmlType.byId(typeId);
                if (type == null || (type != GgmlType.F32 && type != GgmlType.F16 && type != matrixType)
                        || elements % type.blockElements != 0) {
                    throw invalid("tensor '" + name + "' has an unusable type " + typeId);
                }
                skip(type.bytes(elements), "data of tensor '" + name + "'");
            }
            if (!seen.isEmpty() && seen.size() != expected.size()) {
                throw invalid("only " + seen.size() + " of the " + expected.size() + " tensors of a " + h.sizeName()
                        + " model are present");
            }
            return seen.size();
        }

        /** Shapes compared without trailing 1s: the file may store a bias as [n] or [n, 1]. */
        private static int[] trim(int[] ne) {
            int n = ne.length;
            while (n > 1 && ne[n - 1] == 1) {
                n--;
            }
            return Arrays.copyOf(ne, n);
        }

        private int int32(String what) throws IOException, InvalidModelException {
            ensure(4, what);
            int value = buffer.getInt((int) (pos - bufferStart));
            pos += 4;
            return value;
        }

        private String string(int length) throws IOException, InvalidModelException {
            ensure(length, "tensor name");
            byte[] bytes = new byte[length];
            buffer.get((int) (pos - bufferStart), bytes);
            pos += length;
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private void skip(long bytes, String what) throws InvalidModelException {
            if (bytes < 0 || pos + bytes > size) {
                throw truncated(what);
            }
            pos += bytes;
        }

        private void ensure(int bytes, String what) throws IOException, InvalidModelException {
            if (pos + bytes > size) {
                throw truncated(what);
            }
            if (pos >= bufferStart && pos + bytes <= bufferStart + buffer.limit()) {
                return;
            }
            buffer.clear();
            bufferStart = pos;
            while (buffer.hasRemaining() && channel.read(buffer, bufferStart + buffer.position()) > 0) {
                // fill the window
            }
            buffer.flip();
        }

        private InvalidModelException truncated(String what) {
            return invalid("file ends inside the " + what + " at byte " + pos + " of " + size
                    + " (truncated or incomplete download?)");
        }

        private InvalidModelException invalid(String reason) {
            return new InvalidModelException("model file " + file + " is unusable: " + reason);
        }
    }
}
