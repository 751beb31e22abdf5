package dev.viva.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.viva.testing.ServerProcess;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault suite: the packaged server ({@code target/quarkus-app/quarkus-run.jar}) runs as a separate process on a
 * database of its own; interviews are driven by several candidates at once, every other one over the REST API and the
 * others over the candidate socket (text mode), while the server is
 * killed with SIGKILL at random moments (mid-answer), right after an interview completes and while a webhook is being
 * delivered, then restarted. At the end the invariants are checked against the database and what the webhook
 * receiver got: no acknowledged turn lost, none duplicated; every completed interview has exactly one report and one
 * report.ready; every outbox message delivered at least once under a stable webhook-id; a resumed interview continues
 * at the same question. Finally a graceful stop (SIGTERM) with a candidate connected must close the socket with 1001,
 * never tell the candidate the interview ended.
 */
final class FaultSuite {

    /** How hard to push: interviews at least, kills at most (the run goes on with new interviews until both are met). */
    record Plan(int minInterviews, int kills, int candidates, long seed) {
    }

    record Result(Map<String, Integer> kills, int interviews, int turnsChecked, int resumes, int reports,
                  int messages, int deliveries, List<String> violations, boolean gracefulStopOk, Duration took) {

        int totalKills() {
            return kills.values().stream().mapToInt(Integer::intValue).sum();
        }

        String summary() {
            return String.format("kills %d %s, interviews %d, turns checked %d, resumes checked %d, reports %d, "
                            + "outbox messages %d, deliveries received %d, violations %d, graceful stop %s, %d s",
                    totalKills(), kills, interviews, turnsChecked, resumes, reports, messages, deliveries,
                    violations.size(), gracefulStopOk ? "ok" : "FAILED", took.toSeconds());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RANDOM = "random, mid-answer";
    private static final String AFTER_COMPLETION = "right after completion";
    private static final String DURING_DELIVERY = "during webhook delivery";
    static final String KEY = "fault-key";

    private final Plan plan;
    private final Random random;
    private final String database;
    private final String dbUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> kills = new ConcurrentHashMap<>();
    private final AtomicInteger resumes = new AtomicInteger();
    private final AtomicBoolean driving = new AtomicBoolean(true);
    /** webhook-id to the bodies received under it. */
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final Map<String, Interview> interviews = new ConcurrentHashMap<>();
    private ServerProcess server;
    private HttpServer receiver;

    /** What the candidate side knows of one interview: the answers the server acknowledged, by seq. */
    private static final class Interview {
        final String id;
        final String token;
        final Map<Integer, String> acknowledged = new TreeMap<>();

        Interview(String id, String token) {
            this.id = id;
            this.token = token;
        }
    }

    /** A request that got no answer because the server was down (or went down while it ran). */
    private static final class ServerDown extends Exception {
        ServerDown(Throwable cause) {
            super(cause);
        }
    }

    FaultSuite(Plan plan) {
        this.plan = plan;
        this.random = new Random(plan.seed());
        this.database = System.getenv().getOrDefault("VIVA_TEST_DB", "viva_test") + "_fault";
        this.dbUrl = "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    Result run() throws Exception {
        long started = System.nanoTime();
        server = new ServerProcess("server", "fault-suite", ServerProcess.freshDatabase(database), settings(),
                ServerProcess.TEST_JVM);
        startReceiver();
        ExecutorService pool = Executors.newFixedThreadPool(plan.candidates() + 1);
        boolean graceful;
        try {
            ensureUp();
            subscribe();
            Future<?> chaos = pool.submit(this::randomKills);
            List<Future<?>> candidates = new ArrayList<>();
            AtomicInteger created = new AtomicInteger();
            for (int c = 0; c < plan.candidates(); c++) {
                candidates.add(pool.submit(() -> {
                    while (created.get() < plan.minInterviews() || totalKills() < plan.kills()) {
                        int n = created.incrementAndGet();
                        interview(n);
                    }
                    return null;
                }));
            }
            for (Future<?> f : candidates) {
                f.get(30, TimeUnit.MINUTES);
            }
            driving.set(false);
            chaos.get(5, TimeUnit.MINUTES);
            ensureUp();
            settle();
            check();
            graceful = gracefulStop();
        } finally {
            driving.set(false);
            pool.shutdownNow();
            server.close();
            receiver.stop(0);
        }
        int reports = count("select count(*) from report");
        int messages = count("select count(*) from webhook_message");
        return new Result(new TreeMap<>(kills), interviews.size(), turnsChecked, resumes.get(), reports, messages,
                deliveries.get(), List.copyOf(violations), graceful, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The test servers' settings with quick webhook retries and report finalisation, so the run settles in seconds
     * (also used by the multi-replica test).
     */
    static Map<String, String> settings() {
        Map<String, String> env = new HashMap<>(ServerProcess.testSettings(KEY));
        env.put("VIVA_WEBHOOK_RETRY_SCHEDULE", "200ms,300ms,500ms,1s,1s,1s,2s,2s,2s,2s,2s,2s,2s,2s,2s");
        env.put("VIVA_WEBHOOK_RETRY_JITTER", "0.1");
        env.put("VIVA_WEBHOOK_DISPATCHER_POLL_INTERVAL", "100ms");
        env.put("VIVA_WEBHOOK_DISPATCHER_LEASE", "3s");
        env.put("VIVA_WEBHOOK_ATTEMPT_TIMEOUT", "2s");
        env.put("VIVA_INTERVIEW_REPORT_FINALISER_INTERVAL", "1s");
        env.put("VIVA_INTERVIEW_REPORT_FINALISER_LEASE", "5s");
        env.put("VIVA_INTERVIEW_REPORT_FINALISER_RETRY_AFTER", "1s");
        return env;
    }

    private int totalKills() {
        return kills.values().stream().mapToInt(Integer::intValue).sum();
    }

    // --- the server process -----------------------------------------------------------------------------------

    /** SIGKILL, if the server runs; true if this call killed it. */
    private boolean kill(String kind) {
        try {
            if (!server.kill()) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        kills.merge(kind, 1, Integer::sum);
        return true;
    }

    /** Restarts the server if it is down (whoever killed it); returns once it answers. */
    private void ensureUp() throws Exception {
        server.start(Duration.ofSeconds(120));
    }

    /** Kills the server at random moments while the candidates are answering. */
    private Void randomKills() throws Exception {
        while (driving.get()) {
            TimeUnit.MILLISECONDS.sleep(200 + random.nextInt(1500));
            if (!driving.get()) {
                break;
            }
            // the last two kills are kept for the other kinds, so that even a short run has each kind
            if (kills.getOrDefault(RANDOM, 0) < plan.kills() - 2 && totalKills() < plan.kills() && kill(RANDOM)) {
                ensureUp();
            } else {
                ensureUp();
            }
        }
        return null;
    }

    // --- the candidates ---------------------------------------------------------------------------------------

    private void interview(int n) throws Exception {
        JsonNode created = retrying(() -> call("POST", "/api/v1/interviews", "Bearer " + KEY,
                "{\"candidateName\":\"Fault Candidate " + n + "\",\"candidateEmail\":\"fault" + n
                        + "@example.com\",\"role\":\"tiny-role\",\"level\":\"mid\"}", 201));
        Interview iv = new Interview(created.get("id").asText(), "Bearer " + created.get("candidateToken").asText());
        interviews.put(iv.id, iv);
        if (n % 2 == 0) {
            overSocket(n, iv);
            return;
        }
        JsonNode last = retrying(() -> call("POST", "/api/v1/interviews/" + iv.id + "/start", iv.token, null, 200));
        while (!last.get("done").asBoolean()) {
            int seq = last.get("seq").asInt();
            String text = answerText(n, seq);
            try {
                JsonNode next = call("POST", "/api/v1/interviews/" + iv.id + "/answers", iv.token,
                        "{\"text\":\"" + text + "\",\"seq\":" + seq + "}", 200);
                iv.acknowledged.put(seq, text);
                last = next;
                if (next.get("done").asBoolean() && totalKills() < plan.kills()
                        && (!kills.containsKey(AFTER_COMPLETION) || random.nextInt(3) == 0)) {
                    // right after the commit that completed the interview: its report is owed, not yet produced
                    if (kill(AFTER_COMPLETION)) {
                        ensureUp();
                    }
                }
            } catch (ServerDown down) {
                // the answer may or may not have committed: resuming must show the same question or the next one
                JsonNode resumed = retrying(() -> call("POST", "/api/v1/interviews/" + iv.id + "/start", iv.token,
                        null, 200));
                resumes.incrementAndGet();
                int at = resumed.get("seq").asInt();
                if (at == seq && resumed.get("done").asBoolean()) {
                    iv.acknowledged.put(seq, text); // the last answer committed: the closing words keep its seq
                } else if (at == seq) {
                    if (!resumed.get("text").asText().equals(last.get("text").asText())) {
                        violations.add(iv.id + ": resumed at seq " + seq + " with another question");
                    }
                } else if (at == seq + 1) {
                    iv.acknowledged.put(seq, text); // committed before the kill: must be there exactly once
                } else {
                    violations.add(iv.id + ": answering seq " + seq + ", resumed at seq " + at);
                }
                last = resumed;
            }
        }
    }

    private static String answerText(int n, int seq) {
        return "Answer " + n + "." + seq + ": I would measure first, change one thing at a time and check the metrics "
                + "again before going further.";
    }

    /** One candidate's socket, text mode: messages as they come, and how it closed. */
    private static final class CandidateSocket implements WebSocket.Listener {
        final java.util.concurrent.BlockingQueue<JsonNode> messages = new java.util.concurrent.LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket ws;

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    closed.complete(-2);
                }
                partial.setLength(0);
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
            closed.complete(code);
            return null;
        }

        @Override
        public void onError(WebSocket w, Throwable error) {
            closed.complete(-1);
        }

        /** The next utterance; ServerDown when the connection ends first (a kill) or nothing comes for a minute. */
        JsonNode utterance() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                JsonNode m = messages.poll(100, TimeUnit.MILLISECONDS);
                if (m != null && m.path("type").asText().equals("utterance")) {
                    return m;
                }
                if (m == null && closed.isDone()) {
                    throw new ServerDown(new IOException("the socket closed with " + closed.getNow(0)));
                }
            }
            throw new ServerDown(new IOException("no utterance within 60 s"));
        }
    }

    /** Connects (the token as bearer) and starts in text mode; returns the socket and where the interview stands. */
    private CandidateSocket connect(Interview iv) throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            CandidateSocket socket = new CandidateSocket();
            try {
                socket.ws = http.newWebSocketBuilder().header("Authorization", iv.token)
                        .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/interviews/" + iv.id), socket)
                        .get(30, TimeUnit.SECONDS);
                socket.ws.sendText("{\"type\":\"start\",\"speech\":false}", true).get(10, TimeUnit.SECONDS);
                return socket;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException down) {
                ensureUp();
            }
        }
        throw new IllegalStateException("the socket never opened");
    }

    /** The same interview over the candidate socket: an answer is acknowledged by the utterance that follows it. */
    private void overSocket(int n, Interview iv) throws Exception {
        CandidateSocket socket = connect(iv);
        JsonNode last = null;
        while (last == null) {
            try {
                last = socket.utterance();
            } catch (ServerDown down) {
                ensureUp();
                socket = connect(iv);
            }
        }
        while (!last.get("done").asBoolean()) {
            int seq = last.get("seq").asInt();
            String text = answerText(n, seq);
            try {
                socket.ws.sendText("{\"type\":\"answer\",\"text\":\"" + text + "\",\"seq\":" + seq + "}", true)
                        .get(10, TimeUnit.SECONDS);
                JsonNode next = socket.utterance();
                // the same question again (sent on connect and on start) is skipped; the closing words keep the seq
                // of the last answer's turn, so a reply that is done is the reply
                while (next.get("seq").asInt() == seq && !next.get("done").asBoolean()) {
                    next = socket.utterance();
                }
                iv.acknowledged.put(seq, text);
                last = next;
            } catch (ServerDown | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException down) {
                JsonNode resumed = null;
                while (resumed == null) {
                    ensureUp();
                    socket = connect(iv);
                    try {
                        resumed = socket.utterance();
                    } catch (ServerDown again) {
                        // killed again before it said anything
                    }
                }
                resumes.incrementAndGet();
                int at = resumed.get("seq").asInt();
                if (at == seq && resumed.get("done").asBoolean()) {
                    iv.acknowledged.put(seq, text); // the last answer committed: the closing words keep its seq
                } else if (at == seq) {
                    if (!resumed.get("text").asText().equals(last.get("text").asText())) {
                        violations.add(iv.id + " (socket): resumed at seq " + seq + " with another question");
                    }
                } else if (at == seq + 1) {
                    iv.acknowledged.put(seq, text);
                } else {
                    violations.add(iv.id + " (socket): answering seq " + seq + ", resumed at seq " + at);
                }
                last = resumed;
            }
        }
        socket.ws.abort();
    }

    private interface Call {
        JsonNode run() throws Exception;
    }

    /** Runs the call until the server answers it, restarting the server when it is down. */
    private JsonNode retrying(Call call) throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            try {
                return call.run();
            } catch (ServerDown down) {
                ensureUp();
            }
        }
        throw new IllegalStateException("the server never answered");
    }

    private JsonNode call(String method, String path, String auth, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServerDown(e);
        }
        if (r.statusCode() == 503) {
            throw new ServerDown(new IOException("503 while stopping"));
        }
        if (r.statusCode() != expected) {
            violations.add(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private URI uri(String path) {
        return server.uri(path);
    }

    // --- webhooks ---------------------------------------------------------------------------------------------

    private void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (driving.get() && totalKills() < plan.kills()
                    && (!kills.containsKey(DURING_DELIVERY) || random.nextInt(8) == 0)) {
                // while the delivery is in flight: the receiver never answers it, so it must come again, same id
                kill(DURING_DELIVERY);
                exchange.close();
                return;
            }
            deliveries.incrementAndGet();
            received.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(body);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    private void subscribe() throws Exception {
        retrying(() -> call("POST", "/api/v1/webhooks/endpoints", "Bearer " + KEY,
                "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\",\"eventTypes\":"
                        + "[\"interview.started\",\"interview.completed\",\"report.ready\"]}", 201));
    }

    // --- the invariants ---------------------------------------------------------------------------------------

    private int turnsChecked;

    /** Waits (bounded) for the server to produce every owed report and deliver every message. */
    private void settle() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            int owed = count("select count(*) from report_job");
            int undelivered = count("select count(*) from webhook_message where status <> 'DELIVERED'");
            if (owed == 0 && undelivered == 0) {
                return;
            }
            ensureUp();
            TimeUnit.MILLISECONDS.sleep(250);
        }
        violations.add("not settled within 180 s: " + count("select count(*) from report_job") + " reports owed, "
                + count("select count(*) from webhook_message where status <> 'DELIVERED'") + " messages undelivered");
    }

    private void check() throws SQLException {
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "")) {
            for (Interview iv : interviews.values()) {
                Map<Integer, String> answers = new LinkedHashMap<>();
                int expectedSeq = 1;
                try (var st = c.prepareStatement("select seq, answer_text from turn where interview_id = ?::uuid "
                        + "order by seq")) {
                    st.setString(1, iv.id);
                    ResultSet rs = st.executeQuery();
                    while (rs.next()) {
                        int seq = rs.getInt(1);
                        if (seq != expectedSeq++) {
                            violations.add(iv.id + ": turns are not numbered 1, 2, 3...: found " + seq);
                        }
                        answers.put(seq, rs.getString(2));
                    }
                }
                for (Map.Entry<Integer, String> ack : iv.acknowledged.entrySet()) {
                    turnsChecked++;
                    if (!ack.getValue().equals(answers.get(ack.getKey()))) {
                        violations.add(iv.id + ": acknowledged answer to seq " + ack.getKey() + " is "
                                + (answers.containsKey(ack.getKey()) ? "different" : "missing"));
                    }
                }
                Map<String, Integer> copies = new HashMap<>();
                answers.values().stream().filter(a -> a != null && a.startsWith("Answer "))
                        .forEach(a -> copies.merge(a, 1, Integer::sum));
                copies.forEach((a, n) -> {
                    if (n > 1) {
                        violations.add(iv.id + ": answer stored " + n + " times: " + a);
                    }
                });
                String status = single(c, "select status from interview where id = ?::uuid", iv.id);
                if (!"COMPLETED".equals(status)) {
                    violations.add(iv.id + ": " + status + " after its last answer");
                    continue;
                }
                if (!"1".equals(single(c, "select count(*) from report where interview_id = ?::uuid", iv.id))) {
                    violations.add(iv.id + ": completed without exactly one report");
                }
                if (!"1".equals(single(c, "select count(*) from webhook_message where interview_id = ?::uuid "
                        + "and event_type = 'report.ready'", iv.id))) {
                    violations.add(iv.id + ": not exactly one report.ready");
                }
            }
            try (var st = c.createStatement()) {
                ResultSet rs = st.executeQuery("select id, payload from webhook_message");
                while (rs.next()) {
                    List<String> bodies = received.getOrDefault(rs.getString(1), List.of());
                    if (bodies.isEmpty()) {
                        violations.add("message " + rs.getString(1) + " never delivered");
                    } else if (bodies.stream().anyMatch(b -> !b.equals(bodies.getFirst()))) {
                        violations.add("message " + rs.getString(1) + " delivered with different bodies");
                    }
                }
            }
        }
    }

    private static String single(Connection c, String sql, String id) throws SQLException {
        try (var st = c.prepareStatement(sql)) {
            st.setString(1, id);
            ResultSet rs = st.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", ""); var st = c.createStatement()) {
            ResultSet rs = st.executeQuery(sql);
            rs.next();
            return rs.getInt(1);
        }
    }

    /** SIGTERM with a candidate connected: a 1001 close that says to reconnect, and the interview still running. */
    private boolean gracefulStop() throws Exception {
        JsonNode created = call("POST", "/api/v1/interviews", "Bearer " + KEY, "{\"candidateName\":\"Graceful Stop\","
                + "\"candidateEmail\":\"graceful@example.com\",\"role\":\"tiny-role\",\"level\":\"mid\"}", 201);
        String id = created.get("id").asText();
        String token = "Bearer " + created.get("candidateToken").asText();
        List<String> types = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> closed = new CompletableFuture<>();
        CompletableFuture<Void> asked = new CompletableFuture<>();
        WebSocket ws = http.newWebSocketBuilder().header("Authorization", token)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/interviews/" + id), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                String type = JSON.readTree(partial.toString()).path("type").asText();
                                types.add(type);
                                if (type.equals("utterance")) {
                                    asked.complete(null);
                                }
                            } catch (IOException e) {
                                types.add("unparseable");
                            }
                            partial.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                        closed.complete(code + " " + reason);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        ws.sendText("{\"type\":\"start\",\"speech\":false}", true).get(10, TimeUnit.SECONDS);
        // generous waits: a freshly restarted server on a loaded 2-core machine once took over a minute to ask its
        // first question here, and a slow machine must not fail the suite
        asked.get(180, TimeUnit.SECONDS);
        Process p = server.terminate();
        String close = closed.get(180, TimeUnit.SECONDS);
        p.waitFor(60, TimeUnit.SECONDS);
        boolean ok = true;
        if (!close.startsWith("1001 ") || !close.contains("reconnect")) {
            violations.add("graceful stop closed the candidate socket with '" + close + "', not 1001 and a reason");
            ok = false;
        }
        if (types.contains("completed")) {
            violations.add("graceful stop told the candidate the interview was completed");
            ok = false;
        }
        ensureUp();
        String status = retrying(() -> call("GET", "/api/v1/interviews/" + id, "Bearer " + KEY, null, 200))
                .get("status").asText();
        if (!status.equals("IN_PROGRESS")) {
            violations.add("after the graceful stop the interview is " + status);
            ok = false;
        }
        return ok;
    }
}
