package dev.viva.web;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the browser test scripts of {@code web-client/test/} (node + playwright-core + Debian's Chromium) against
 * an application under test, for {@link BrowserTest} and {@link VoiceBrowserTest}. Without Chromium, node,
 * web-client/node_modules (npm ci), espeak-ng or sox the tests are skipped with the reason, unless
 * {@code VIVA_BROWSER_TESTS=required} (CI sets it), which turns a missing tool into a failure. With
 * {@code VIVA_DOCS_SCREENSHOTS=1} the key screens are also written to {@code docs/screenshots/}.
 */
final class NodeScripts {

    private static final Path CLIENT = Path.of("web-client").toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();
    private static final Path DOCS_SCREENSHOTS = Path.of("docs/screenshots").toAbsolutePath();
    private static final Path SPEECH = Path.of("target/browser-audio/answer.wav").toAbsolutePath();
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    private static final String SPOKEN_ANSWER = "A process has its own address space, while the threads of one "
            + "process share its memory.";

    private static final String SCREENSHOTS_CLEARED = "viva.browser-tests.screenshots-cleared";

    private static String missing;
    private static boolean checked;

    private NodeScripts() {
    }

    /** Why the browser tests cannot run here, or null when they can; prepares the speech file once. */
    static synchronized String missing() throws Exception {
        if (checked) {
            return missing;
        }
        checked = true;
        List<String> absent = new ArrayList<>();
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            absent.add("Chromium at " + CHROMIUM + " (apt-get install chromium)");
        }
        if (!Files.isDirectory(CLIENT.resolve("node_modules/playwright-core"))) {
            absent.add("web-client/node_modules (cd web-client && npm ci)");
        }
        for (String tool : List.of("node", "espeak-ng", "sox")) {
            if (!onPath(tool)) {
                absent.add(tool);
            }
        }
        missing = absent.isEmpty() ? null : "browser tests need " + String.join(", ", absent);
        if (missing == null) {
            writeSpeech();
            // once per test JVM: each test profile loads this class anew, the system properties stay
            if (System.getProperty(SCREENSHOTS_CLEARED) == null) {
                clear(SCREENSHOTS);
                System.setProperty(SCREENSHOTS_CLEARED, "true");
            }
        }
        return missing;
    }

    /** Skips (or, with VIVA_BROWSER_TESTS=required, fails) the calling test when a tool is missing. */
    static void requireTools() throws Exception {
        String why = missing();
        if (why == null) {
            return;
        }
        if ("required".equals(System.getenv("VIVA_BROWSER_TESTS"))) {
            fail(why + " (VIVA_BROWSER_TESTS=required)");
        }
        System.out.println("browser test skipped: " + why);
        Assumptions.abort(why + "; skipped (VIVA_BROWSER_TESTS=required makes this a failure)");
    }

    /** Speech for the fake microphone: 48 kHz mono s16le, with silence after it so an answer ends. */
    private static void writeSpeech() throws Exception {
        Files.createDirectories(SPEECH.getParent());
        Path raw = SPEECH.resolveSibling("answer-espeak.wav");
        exec("espeak-ng", "-w", raw.toString(), SPOKEN_ANSWER);
        exec("sox", raw.toString(), "-r", "48000", "-c", "1", "-b", "16", SPEECH.toString(), "pad", "0.3", "2.5");
    }

    /** Screenshots of an earlier run (a failure's, say) must not pass for this run's. */
    private static void clear(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Runs {@code web-client/test/<script>} against the server at {@code base}; fails with its output. */
    static void run(String script, URL base) {
        List<String> command = new ArrayList<>(List.of("node", "test/" + script, "--base-url=" + base,
                "--api-key=test-recruiter-key", "--screenshots=" + SCREENSHOTS, "--speech=" + SPEECH));
        if (System.getenv("VIVA_DOCS_SCREENSHOTS") != null) {
            // the key screens of the README and docs, refreshed on purpose only: each run's pixels differ a little
            command.add("--docs-screenshots=" + DOCS_SCREENSHOTS);
        }
        String output;
        int exit;
        try {
            Process process = new ProcessBuilder(command).directory(CLIENT.toFile()).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
                reader.lines().forEach(line -> {
                    // shown as it happens, so a slow step is visible in the build log
                    System.out.println("[" + script + "] " + line);
                    out.append(line).append('\n');
                });
            }
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(script + " did not finish within 4 minutes:\n" + out);
            }
            output = out.toString();
            exit = process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(exit).as("%s exited with %d:%n%s", script, exit, output).isZero();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void exec(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed: " + output);
        }
    }
}
