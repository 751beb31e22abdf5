package dev.viva.stt;

import com.sun.net.httpserver.HttpServer;
import dev.viva.testing.Configs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model resolution and download against a model host the test runs on loopback. */
class ModelProvisionerTest {

    @TempDir
    Path cache;
    @TempDir
    Path scratch;

    private HttpServer host;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, Integer> stallAfter = new HashMap<>();
    private byte[] model;
    private String modelSha1;

    @BeforeEach
    void startHost() throws Exception {
        model = Files.readAllBytes(ModelFiles.weightless());
        modelSha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(model));
        host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/models/", exchange -> {
            requests.incrementAndGet();
            String name = exchange.getRequestURI().getPath().substring("/models/".length());
            byte[] body = files.get(name);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            if (stallAfter.containsKey(name)) {
                out.write(body, 0, stallAfter.get(name));
                out.flush();
                return; // keeps the connection open and silent, like a host that hangs mid-transfer
            }
            out.write(body);
            out.close();
        });
        host.start();
    }

    @AfterEach
    void stopHost() {
        host.stop(0);
    }

    private ModelStatus provision(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of(
                "viva.stt.model-dir", cache.toString(),
                "viva.stt.allow-weightless-model", "true",
                "viva.stt.download-base-url", "http://127.0.0.1:" + host.getAddress().getPort() + "/models/"));
        all.putAll(settings);
        return new ModelProvisioner(Configs.mapping(SttConfig.class, all)).provision();
    }

    private String reason(ModelStatus status) {
        return assertInstanceOf(ModelStatus.Unavailable.class, status).reason();
    }

    private boolean cacheEmpty() throws IOException {
        try (var listing = Files.list(cache)) {
            return listing.findAny().isEmpty();
        }
    }

    @Test
    void aNamedModelMissingFromTheCacheIsDownloadedVerifiedAndThenReused() throws Exception {
        files.put("ggml-tiny.en.bin", model);
        ModelStatus.Ready ready = assertInstanceOf(ModelStatus.Ready.class,
                provision(Map.of("viva.stt.model", "tiny.en", "viva.stt.model-sha1", modelSha1)));
        assertEquals(cache.resolve("ggml-tiny.en.bin"), ready.file());
        assertEquals(WhisperHyperParameters.TINY_EN, ready.info().hyperParameters());
        assertTrue(java.util.Arrays.equals(model, Files.readAllBytes(ready.file())));
        assertEquals(1, requests.get());

        assertInstanceOf(ModelStatus.Ready.class,
                provision(Map.of("viva.stt.model", "tiny.en", "viva.stt.model-sha1", modelSha1)));
        assertEquals(1, requests.get(), "a cached model is not downloaded again");
    }

    @Test
    void aDownloadWithTheWrongSha1IsDiscarded() throws Exception {
        files.put("ggml-tiny.en.bin", model); // the test model, not the published tiny.en the table expects
        String reason = reason(provision(Map.of("viva.stt.model", "tiny.en")));
        assertTrue(reason.contains("SHA-1 " + modelSha1 + ", expected c78c86eb1a8faa21b369bcd33207cc90d64ae9df"),
                reason);
        assertTrue(cacheEmpty(), "nothing left behind to be loaded next time");
    }

    @Test
    void aMissingFileOnTheHostIsReported() throws Exception {
        String reason = reason(provision(Map.of("viva.stt.model", "base.en")));
        assertTrue(reason.contains("HTTP 404"), reason);
        assertTrue(reason.contains("/models/ggml-base.en.bin"), reason);
        assertTrue(cacheEmpty());
    }

    @Test
    void aConnectionCutMidTransferIsDiscarded() throws Exception {
        // a raw socket, because an HTTP server library will not send a short body on purpose
        try (ServerSocket cutter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                try (Socket socket = cutter.accept()) {
                    socket.getInputStream().read(new byte[8192]);
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + model.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(model, 0, model.length / 2);
                    out.flush();
                } catch (IOException ignored) {
                    // the test asserts on the client side
                }
            });
            String reason = reason(provision(Map.of("viva.stt.model", "tiny.en", "viva.stt.model-sha1", modelSha1,
                    "viva.stt.download-base-url", "http://127.0.0.1:" + cutter.getLocalPort())));
            assertTrue(reason.contains("could not be downloaded"), reason);
            assertTrue(cacheEmpty(), "no partial file may survive");
        }
    }

    @Test
    void aHostThatStallsMidTransferIsAbandoned() throws Exception {
        files.put("ggml-tiny.en.bin", model);
        stallAfter.put("ggml-tiny.en.bin", 100_000);
        String reason = reason(provision(Map.of("viva.stt.model", "tiny.en", "viva.stt.model-sha1", modelSha1,
                "viva.stt.download-stall-timeout", "PT0.5S")));
        assertTrue(reason.contains("stopped sending"), reason);
        assertTrue(cacheEmpty(), "no partial file may survive");
    }

    @Test
    void aHostThatIsDownIsReported() throws Exception {
        host.stop(0);
        String reason = reason(provision(Map.of("viva.stt.model", "tiny.en")));
        assertTrue(reason.contains("could not be downloaded"), reason);
    }

    @Test
    void unknownNamesNeedAHashAndDisabledDownloadsAreRespected() throws Exception {
        String unknown = reason(provision(Map.of("viva.stt.model", "huge.xx")));
        assertTrue(unknown.contains("unknown Whisper model 'huge.xx'") && unknown.contains("tiny.en"), unknown);
        String disabled = reason(provision(Map.of("viva.stt.model", "tiny.en", "viva.stt.download", "false")));
        assertTrue(disabled.contains("downloads are disabled"), disabled);
        assertEquals(0, requests.get());
    }

    @Test
    void pathsAreValidatedNotDownloaded() throws Exception {
        assertInstanceOf(ModelStatus.Ready.class,
                provision(Map.of("viva.stt.model", ModelFiles.weightless().toString())));
        assertTrue(reason(provision(Map.of("viva.stt.model", scratch.resolve("gone.bin").toString())))
                .contains("does not exist"));
        assertTrue(reason(provision(Map.of("viva.stt.model", ModelFiles.truncated(scratch, 1000).toString())))
                .contains("truncated"));
        assertEquals(0, requests.get());
    }

    @Test
    void aWeightlessModelIsRefusedUnlessAllowed() {
        String reason = reason(provision(Map.of("viva.stt.model", ModelFiles.weightless().toString(),
                "viva.stt.allow-weightless-model", "false")));
        assertTrue(reason.contains("has no weights"), reason);
        assertFalse(reason.isBlank());
    }
}
