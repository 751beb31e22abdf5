package dev.viva.stt;

import org.jboss.logging.Logger;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fetches a model file over HTTP into the cache, verifying its SHA-1 and structure before it takes its final name:
 * the final file exists only if it is complete and correct, so an interrupted or tampered download is never loaded.
 */
final class ModelDownloader {

    private static final Logger LOG = Logger.getLogger(ModelDownloader.class);

    private final HttpClient client;
    private final Duration timeout;
    private final Duration stallTimeout;

    ModelDownloader(Duration timeout, Duration stallTimeout) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL) // the Hugging Face host redirects to its CDN
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        this.timeout = timeout;
        this.stallTimeout = stallTimeout;
    }

    /**
     * Downloads {@code url} to {@code target}.
     *
     * @throws IOException with a message fit for the log and the health check
     */
    void download(URI url, String expectedSha1, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        LOG.infof("Downloading Whisper model %s to %s", url, target);
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + url + " interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("download of " + url + " failed: HTTP " + response.statusCode());
            }
            long expectedLength = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            MessageDigest sha1 = sha1();
            long received = copy(new StallGuard(body, stallTimeout), partial, sha1, expectedLength);
            if (expectedLength >= 0 && received != expectedLength) {
                throw new IOException("download of " + url + " incomplete: " + received + " of " + expectedLength
                        + " bytes");
            }
            String actual = HexFormat.of().formatHex(sha1.digest());
            if (!actual.equalsIgnoreCase(expectedSha1)) {
                throw new IOException("download of " + url + " has SHA-1 " + actual + ", expected " + expectedSha1
                        + "; file discarded");
            }
            GgmlModelValidator.validate(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.infof("Downloaded %s (%d MB, SHA-1 verified)", target.getFileName(), received >> 20);
        } catch (InvalidModelException e) {
            throw new IOException(e.getMessage());
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static long copy(InputStream body, Path partial, MessageDigest sha1, long expectedLength)
            throws IOException {
        long received = 0;
        int lastDecile = 0;
        long lastLog = System.nanoTime();
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(partial)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                sha1.update(buffer, 0, n);
                received += n;
                if (expectedLength > 0) {
                    int decile = (int) (received * 10 / expectedLength);
                    if (decile > lastDecile) {
                        lastDecile = decile;
                        LOG.infof("  %s: %d%% (%d of %d MB)", partial.getFileName(), decile * 10, received >> 20,
                                expectedLength >> 20);
                    }
                } else if (System.nanoTime() - lastLog > 5_000_000_000L) {
                    lastLog = System.nanoTime();
                    LOG.infof("  %s: %d MB", partial.getFileName(), received >> 20);
                }
            }
        } catch (IOException e) {
            throw new IOException("download interrupted after " + received + " bytes: " + e.getMessage(), e);
        }
        return received;
    }

    /**
     * The JDK client's request timeout stops at the response headers; a host that then stops sending would block a
     * read forever. This closes the body when no byte has arrived for {@code stallTimeout}, which ends the read with
     * an IOException.
     */
    private static final class StallGuard extends FilterInputStream {

        private final ScheduledExecutorService watchdog =
                Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "viva-stt-download-watchdog");
                    thread.setDaemon(true);
                    return thread;
                });
        private volatile long lastProgress = System.nanoTime();
        private volatile boolean stalled;

        StallGuard(InputStream in, Duration stallTimeout) {
            super(in);
            long limit = stallTimeout.toNanos();
            watchdog.scheduleWithFixedDelay(() -> {
                if (System.nanoTime() - lastProgress > limit) {
                    stalled = true;
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // closing is the whole point; a failure to close changes nothing
                    }
                    watchdog.shutdown();
                }
            }, 100, Math.max(100, limit / 1_000_000 / 4), TimeUnit.MILLISECONDS);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                throw stalled ? stall(e) : e;
            }
            if (n < 0 && stalled) {
                throw stall(null);
            }
            lastProgress = System.nanoTime();
            return n;
        }

        private IOException stall(IOException cause) {
            return new IOException("the host stopped sending data", cause);
        }

        @Override
        public void close() throws IOException {
            watchdog.shutdownNow();
            super.close();
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
