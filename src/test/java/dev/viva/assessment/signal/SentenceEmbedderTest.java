package dev.viva.assessment.signal;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.viva.assessment.Embedders;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SentenceEmbedderTest {

    private static final SentenceEmbedder EMBEDDER = Embedders.SHARED;

    @Test
    void sentenceVectorsAreLangchain4jsOwn() {
        var reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String text : new String[]{"a tuple is immutable so it can be a dictionary key",
                "i create one sequel alchemy session per request"}) {
            float[] expected = unit(reference.embed(text).content().vector());
            float[] actual = EMBEDDER.embed(text);
            for (int i = 0; i < expected.length; i++) {
                assertThat((double) actual[i]).isCloseTo(expected[i], within(1e-5));
            }
        }
    }

    @Test
    void everyTokenHasAUnitVectorAndASpanOfTheText() {
        String text = "idempotent requests can be retried safely";
        SentenceEmbedder.Encoded e = EMBEDDER.encode(text);
        assertThat(e.tokens().length).isGreaterThanOrEqualTo(6);
        assertThat(text).startsWith(text.substring(e.starts()[0], e.ends()[0]));
        for (int t = 0; t < e.tokens().length; t++) {
            assertThat(SentenceEmbedder.cosine(e.tokens()[t], e.tokens()[t])).isCloseTo(1.0, within(1e-4));
            assertThat(e.starts()[t]).isLessThan(e.ends()[t]);
        }
    }

    @Test
    void textsEncodedWithoutWaitingAreTheSameAsWhenWaitedFor() {
        List<String> texts = List.of("the queue retries a failed job three times", "then it lands in a dead letter queue",
                "the queue retries a failed job three times");
        var fresh = new SentenceEmbedder(1_000);
        List<SentenceEmbedder.Encoded> async = fresh.encodeAllAsync(texts).join();
        List<SentenceEmbedder.Encoded> waited = new SentenceEmbedder(0).encodeAll(texts);
        assertThat(async).hasSize(3);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(async.get(i).pooled()).containsExactly(waited.get(i).pooled());
        }
        // the repeated text is encoded once and both places share it, now from the cache
        assertThat(async.get(2)).isSameAs(async.get(0));
        assertThat(fresh.encodeAllAsync(texts.subList(0, 1)).join().get(0)).isSameAs(async.get(0));
    }

    @Test
    void aTextLongerThanTheModelWindowIsEncodedWhole() {
        String text = "the cache keeps recent results close to the service ".repeat(80);
        SentenceEmbedder.Encoded e = new SentenceEmbedder(0).encode(text);
        assertThat(e.tokens().length).isGreaterThan(600);
        assertThat(text.substring(e.starts()[e.tokens().length - 1], e.ends()[e.tokens().length - 1])).isEqualTo("service");
        float[] oneWindow = EMBEDDER.embed("the cache keeps recent results close to the service ".repeat(40));
        assertThat(SentenceEmbedder.cosine(e.pooled(), oneWindow)).isGreaterThan(0.95);
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return out;
    }
}
