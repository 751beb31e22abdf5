package dev.viva.stt;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns {@code viva.stt.model} into a checked model file: a path is validated as it is; a name is looked up in the
 * cache directory and downloaded (SHA-1 verified) when missing. Never throws: every failure becomes
 * {@link ModelStatus.Unavailable} with a reason an operator can act on.
 */
final class ModelProvisioner {

    private static final Logger LOG = Logger.getLogger(ModelProvisioner.class);

    private final SttConfig config;

    ModelProvisioner(SttConfig config) {
        this.config = config;
    }

    ModelStatus provision() {
        String model = config.model().strip();
        if (model.isEmpty()) {
            return new ModelStatus.Unavailable("no model configured (viva.stt.model is empty)");
        }
        try {
            Path file = WhisperModels.isName(model)
                    ? cachedOrDownloaded(model)
                    : Path.of(model).toAbsolutePath().normalize();
            GgmlModelValidator.ModelInfo info = GgmlModelValidator.validate(file);
            if (info.weightless() && !config.allowWeightlessModel()) {
                return new ModelStatus.Unavailable("model file " + file + " has no weights (a whisper.cpp test "
                        + "model); it cannot recognise speech");
            }
            return new ModelStatus.Ready(file, info);
        } catch (InvalidModelException e) {
            return new ModelStatus.Unavailable(e.getMessage());
        }
    }

    private Path cachedOrDownloaded(String name) throws InvalidModelException {
        Path target = Path.of(config.modelDir()).toAbsolutePath().normalize().resolve(WhisperModels.fileName(name));
        if (Files.isRegularFile(target)) {
            return target;
        }
        Optional<String> sha1 = config.modelSha1().or(() -> WhisperModels.sha1(name));
        if (sha1.isEmpty()) {
            throw new InvalidModelException("unknown Whisper model '" + name + "'; use one of "
                    + String.join(", ", WhisperModels.names()) + ", a path to a ggml file, or set viva.stt.model-sha1");
        }
        if (!config.download()) {
            throw new InvalidModelException("model " + target + " is missing and downloads are disabled "
                    + "(viva.stt.download=false)");
        }
        URI url = URI.create(config.downloadBaseUrl().replaceAll("/+$", "") + "/" + WhisperModels.fileName(name));
        try {
            new ModelDownloader(config.downloadTimeout(), config.downloadStallTimeout()).download(url, sha1.get(), target);
            return target;
        } catch (IOException | RuntimeException e) {
            // some network failures (a refused connection, an unknown host) carry no message, only their type
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf("Whisper model %s unavailable from %s: %s", name, url, why);
            throw new InvalidModelException("model '" + name + "' could not be downloaded from " + url + ": " + why);
        }
    }
}
