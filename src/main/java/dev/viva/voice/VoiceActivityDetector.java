package dev.viva.voice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Energy-based voice activity detection on 16 kHz audio in 20 ms windows, with an adaptive noise floor, a minimum
 * speech length and an end-of-turn silence threshold. Whether a pause that long really ends the turn (or is the
 * candidate thinking) is the session's call, which also knows what was said.
 *
 * <p>The noise floor is the level of the quietest 5% of the last {@code noise-window-ms} (a robust form of "minimum
 * statistics"): speech always has gaps between words that fall back to the room's level, so this tracks the room, not
 * the voice, rises within seconds when the room gets louder and drops at once when it gets quieter, and a few
 * dropped-out samples cannot drag it down to digital silence. A window is voiced when it is
 * {@code speech-margin-db} above that floor and above {@code min-speech-level-db}; a voiced window keeps the speech
 * going when it is 3 dB less loud (hysteresis), so trailing consonants do not flicker.
 *
 * <p>One instance per audio stream; not thread-safe.
 */
public final class VoiceActivityDetector {

    private static final int WINDOW = 320;
    private static final long WINDOW_MS = 20;
    private static final double HYSTERESIS_DB = 3;
    private static final int SMOOTHING_WINDOWS = 3;
    private static final double FLOOR_PERCENTILE = 0.05;
    private static final int STATIONARY_WINDOWS = 50;
    private static final double STATIONARY_SPREAD_DB = 4;

    private final VoiceConfig.Vad config;
    private final double[] recentLevels;
    private final double[] recentRaw = new double[SMOOTHING_WINDOWS];
    private final short[] pending = new short[WINDOW];
    private int pendingCount;
    private int levelsSeen;
    private long windowIndex;

    private boolean speaking;
    private long burstStartMs = -1;
    private long burstVoicedMs;
    private long lastVoicedEndMs;
    private double noiseFloorDb = -100;

    public VoiceActivityDetector(VoiceConfig.Vad config) {
        this.config = config;
        this.recentLevels = new double[Math.max(1, (int) (config.noiseWindowMs() / WINDOW_MS))];
    }

    /** Feeds 16 kHz samples; returns what happened within them, in order (usually nothing). */
    public List<VadEvent> accept(short[] samples) {
        List<VadEvent> events = new ArrayList<>(1);
        int offset = 0;
        while (offset < samples.length) {
            int take = Math.min(WINDOW - pendingCount, samples.length - offset);
            System.arraycopy(samples, offset, pending, pendingCount, take);
            pendingCount += take;
            offset += take;
            if (pendingCount == WINDOW) {
                window(Pcm.dbfs(Pcm.rms(pending, 0, WINDOW)), events);
                pendingCount = 0;
            }
        }
        return events;
    }

    private void window(double levelDb, List<VadEvent> events) {
        long startMs = windowIndex * WINDOW_MS;
        long endMs = startMs + WINDOW_MS;
        windowIndex++;
        // judged against the floor before this window joins the history, so a sudden loud window meets the room
        boolean voiced = levelsSeen > 0 && levelDb >= threshold(speaking || burstStartMs >= 0);
        track(levelDb);

        if (voiced) {
            if (!speaking && burstStartMs < 0) {
                burstStartMs = startMs;
                burstVoicedMs = 0;
            }
            burstVoicedMs += WINDOW_MS;
            lastVoicedEndMs = endMs;
            if (!speaking && burstVoicedMs >= config.minSpeechMs()) {
                speaking = true;
                events.add(new VadEvent.SpeechStarted(burstStartMs));
            }
        } else if (speaking) {
            if (endMs - lastVoicedEndMs >= config.endOfTurnSilenceMs()) {
                events.add(new VadEvent.TurnEnded(burstStartMs, lastVoicedEndMs, endMs));
                speaking = false;
                burstStartMs = -1;
            }
        } else if (burstStartMs >= 0 && endMs - lastVoicedEndMs >= config.onsetGapMs()) {
            burstStartMs = -1; // a click or cough that never reached the minimum speech length
        }
    }

    /**
     * Updates the noise floor. Levels are smoothed over 60 ms first so the floor follows the room's average rather
     * than the dips of its fluctuation. A stretch of {@value #STATIONARY_WINDOWS} windows
     * whose levels stay within {@value #STATIONARY_SPREAD_DB} dB is steady noise, never speech (syllables swing by
     * 10-20 dB), so the floor jumps to it at once rather than waiting for the whole noise window.
     */
    private void track(double levelDb) {
        recentRaw[levelsSeen % recentRaw.length] = levelDb;
        levelsSeen++;
        int n = Math.min(levelsSeen, recentRaw.length);
        double power = 0;
        for (int i = 0; i < n; i++) {
            power += Math.pow(10, recentRaw[(levelsSeen - 1 - i) % recentRaw.length] / 10);
        }
        double smoothed = 10 * Math.log10(power / n);
        recentLevels[(levelsSeen - 1) % recentLevels.length] = smoothed;
        int available = Math.min(levelsSeen, recentLevels.length);
        double[] sorted = new double[available];
        double stationaryMin = Double.MAX_VALUE;
        double stationaryMax = -Double.MAX_VALUE;
        for (int i = 0; i < available; i++) {
            double level = recentLevels[(levelsSeen - 1 - i) % recentLevels.length];
            sorted[i] = level;
            if (i < STATIONARY_WINDOWS) {
                stationaryMin = Math.min(stationaryMin, level);
                stationaryMax = Math.max(stationaryMax, level);
            }
        }
        Arrays.sort(sorted);
        double quiet = sorted[(int) (available * FLOOR_PERCENTILE)];
        boolean steady = available >= STATIONARY_WINDOWS && stationaryMax - stationaryMin < STATIONARY_SPREAD_DB;
        noiseFloorDb = steady ? Math.max(quiet, stationaryMin) : quiet;
    }

    private double threshold(boolean continuing) {
        double margin = config.speechMarginDb() - (continuing ? HYSTERESIS_DB : 0);
        return Math.max(noiseFloorDb + margin, config.minSpeechLevelDb());
    }

    /** Whether a confirmed turn is in progress. */
    public boolean speaking() {
        return speaking;
    }

    /** Voiced span of the turn in progress so far (first to latest voiced window), 0 when not speaking. */
    public long currentSpeechMs() {
        return speaking ? lastVoicedEndMs - burstStartMs : 0;
    }

    /** Silence since the last voiced window of the turn in progress, 0 when not speaking. */
    public long silenceMs() {
        return speaking ? positionMs() - lastVoicedEndMs : 0;
    }

    /** End of the last voiced window seen (ms of audio); identifies how far a turn's speech has got. */
    public long lastVoicedMs() {
        return lastVoicedEndMs;
    }

    /** Milliseconds of audio consumed. */
    public long positionMs() {
        return windowIndex * WINDOW_MS;
    }

    /** Current noise floor estimate in dBFS. */
    public double noiseFloorDb() {
        return noiseFloorDb;
    }
}
