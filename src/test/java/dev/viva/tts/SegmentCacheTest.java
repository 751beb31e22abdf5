package dev.viva.tts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentCacheTest {

    /** 96 bytes of entry overhead, 2 per key character, 2 per sample. */
    private static final int ENTRY = 96 + 2 + 2 * 1000;

    @Test
    void evictsTheLeastRecentlyUsedWhenOverItsBytes() {
        SegmentCache cache = new SegmentCache(3L * ENTRY);
        cache.put("a", new short[1000]);
        cache.put("b", new short[1000]);
        cache.put("c", new short[1000]);
        assertThat(cache.get("a")).isNotNull(); // a is now the most recently used
        cache.put("d", new short[1000]);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isNotNull();
        assertThat(cache.get("c")).isNotNull();
        assertThat(cache.get("d")).isNotNull();
        assertThat(cache.bytes()).isEqualTo(3L * ENTRY);
    }

    @Test
    void replacingAnEntryCountsItOnce() {
        SegmentCache cache = new SegmentCache(10L * ENTRY);
        cache.put("a", new short[1000]);
        short[] replacement = new short[1000];
        cache.put("a", replacement);
        assertThat(cache.bytes()).isEqualTo(ENTRY);
        assertThat(cache.get("a")).isSameAs(replacement);
    }

    @Test
    void anEntryLargerThanTheWholeCacheIsNotKept() {
        SegmentCache cache = new SegmentCache(ENTRY);
        cache.put("a", new short[1000]);
        cache.put("b", new short[5000]);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isNotNull();
        SegmentCache disabled = new SegmentCache(0);
        disabled.put("a", new short[1]);
        assertThat(disabled.get("a")).isNull();
        assertThat(disabled.bytes()).isZero();
    }
}
