package dev.viva.stt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ggml models published on the whisper.cpp model host, with the SHA-1 of each file as listed by whisper.cpp
 * (models/README.md and download-ggml-model.sh), so a download can be verified before whisper.cpp reads it.
 */
final class WhisperModels {

    private static final Map<String, String> SHA1 = new TreeMap<>(Map.ofEntries(
            Map.entry("tiny", "bd577a113a864445d4c299885e0cb97d4ba92b5f"),
            Map.entry("tiny.en", "c78c86eb1a8faa21b369bcd33207cc90d64ae9df"),
            Map.entry("base", "465707469ff3a37a2b9b8d8f89f2f99de7299dac"),
            Map.entry("base.en", "137c40403d78fd54d454da0f9bd998f78703390c"),
            Map.entry("base.en-q5_1", "d26d7ce5a1b6e57bea5d0431b9c20ae49423c94a"),
            Map.entry("base.en-q8_0", "bb1574182e9b924452bf0cd1510ac034d323e948"),
            Map.entry("small", "55356645c2b361a969dfd0ef2c5a50d530afd8d5"),
            Map.entry("small.en", "db8a495a91d927739e50b3fc1cc4c6b8f6c2d022"),
            Map.entry("small.en-q5_1", "20f54878d608f94e4a8ee3ae56016571d47cba34"),
            Map.entry("small.en-q8_0", "9d75ff4ccfa0a8217870d7405cf8cef0a5579852"),
            Map.entry("medium", "fd9727b6e1217c2f614f9b698455c4ffd82463b4"),
            Map.entry("medium.en", "8c30f0e44ce9560643ebd10bbe50cd20eafd3723"),
            Map.entry("large-v3-turbo", "4af2b29d7ec73d781377bfd1758ca957a807e941")));

    private WhisperModels() {
    }

    static Optional<String> sha1(String name) {
        return Optional.ofNullable(SHA1.get(name));
    }

    static Iterable<String> names() {
        return SHA1.keySet();
    }

    static String fileName(String name) {
        return "ggml-" + name + ".bin";
    }

    /**
     * Whether a configured model is meant as a name rather than a path: names have no path separator, no
     * {@code .bin} suffix, and are not the name of an existing file.
     */
    static boolean isName(String model) {
        return !model.contains("/") && !model.contains("\\") && !model.endsWith(".bin")
                && !Files.exists(Path.of(model));
    }
}
