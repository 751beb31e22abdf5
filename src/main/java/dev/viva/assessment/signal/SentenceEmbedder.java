package dev.viva.assessment.signal;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that touches the in-process ONNX sentence-embedding model (all-MiniLM-L6-v2, quantised, shipped inside
 * its jar). Vectors are L2-normalised so a dot product is the cosine. Bank texts (ideal answers, key points) repeat
 * across every interview, so embeddings are kept in a bounded LRU cache.
 */
public final class SentenceEmbedder {

    private static final int CACHE_SIZE = 20_000;

    private final EmbeddingModel model;
    private final Map<String, float[]> cache = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    public SentenceEmbedder() {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            if (!cache.containsKey(t)) {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            List<String> unique = missing.stream().distinct().toList();
            var embeddings = model.embedAll(unique.stream().map(TextSegment::from).toList()).content();
            for (int i = 0; i < unique.size(); i++) {
                cache.put(unique.get(i), normalised(embeddings.get(i).vector()));
            }
        }
        for (String t : texts) {
            float[] v = cache.get(t);
            out.add(v != null ? v : normalised(model.embed(t).content().vector()));
        }
        return out;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }
}
