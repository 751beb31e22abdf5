package dev.viva.tts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Synthesised segments by their spoken text, bounded by bytes and evicting the least recently used. Thread-safe. The
 * arrays are shared, so callers must not modify them (chunks are copies).
 */
final class SegmentCache {

    /** Rough per-entry cost beyond the samples: the map entry, the key string and the array header. */
    private static final int ENTRY_OVERHEAD = 96;

    private final long maxBytes;
    private final LinkedHashMap<String, short[]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    SegmentCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized short[] get(String text) {
        return entries.get(text);
    }

    synchronized void put(String text, short[] samples) {
        long cost = cost(text, samples);
        if (cost > maxBytes) {
            return; // would evict everything else and still not fit
        }
        short[] previous = entries.put(text, samples);
        if (previous != null) {
            bytes -= cost(text, previous);
        }
        bytes += cost;
        var eldest = entries.entrySet().iterator();
        while (bytes > maxBytes) {
            Map.Entry<String, short[]> entry = eldest.next();
            bytes -= cost(entry.getKey(), entry.getValue());
            eldest.remove();
        }
    }

    /** Bytes held now. */
    synchronized long bytes() {
        return bytes;
    }

    private static long cost(String text, short[] samples) {
        return ENTRY_OVERHEAD + 2L * text.length() + 2L * samples.length;
    }
}
