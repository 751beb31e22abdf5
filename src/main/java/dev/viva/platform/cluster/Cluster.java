package dev.viva.platform.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The replicas of one deployment talking through the database they already share: PostgreSQL LISTEN/NOTIFY, no broker.
 * Each replica holds one dedicated listening connection (reopened with exponential back-off when it drops, after which
 * {@link ClusterResync} tells the observers to rebuild what they may have missed) and relays every notification from
 * another replica as a {@link ClusterMessage}; its own come back from the database too and are dropped, because
 * whatever sent them already delivered locally.
 * <p>
 * Payloads stay small (PostgreSQL caps them near 8 kB): an observer reads anything bulky from the tables. Facts are
 * sent with {@link #sendInTransaction}, which PostgreSQL delivers only when that transaction commits; ephemeral
 * signals with {@link #signal}, coalesced per key and sent by one background thread at most every
 * {@code viva.cluster.signal-interval}, never blocking the caller.
 */
@ApplicationScoped
public class Cluster {

    private static final Logger LOG = Logger.getLogger(Cluster.class);
    /** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7900;
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final ClusterConfig config;
    private final ObjectMapper json;
    private final EntityManager em;
    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final Event<ClusterMessage> messages;
    private final Event<ClusterResync> resyncs;
    private final Config settings;
    private final String replica = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));

    /** Waiting to be sent by the sender thread (guarded by itself): signals by key, latest wins, then other messages. */
    private final Map<String, String> outgoing = new LinkedHashMap<>();
    private volatile boolean running;
    private volatile boolean connected;
    private volatile Connection listening;
    private Thread listener;
    private Thread sender;

    Cluster(ClusterConfig config, ObjectMapper json, EntityManager em, DataSource dataSource,
            TransactionSynchronizationRegistry transactions, Event<ClusterMessage> messages,
            Event<ClusterResync> resyncs, Config settings) {
        this.config = config;
        this.json = json;
        this.em = em;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.messages = messages;
        this.resyncs = resyncs;
        this.settings = settings;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (!IDENTIFIER.matcher(config.channel()).matches()) {
            throw new IllegalStateException("viva.cluster.channel must be a lower-case SQL identifier (letters, digits, "
                    + "underscores), not '" + config.channel() + "'");
        }
        running = true;
        listener = Thread.ofPlatform().name("viva-cluster-listener").daemon().start(this::listen);
        sender = Thread.ofPlatform().name("viva-cluster-sender").daemon().start(this::sendLoop);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        synchronized (outgoing) {
            outgoing.notifyAll();
        }
        Connection c = listening;
        if (c != null) {
            try {
                c.close(); // unblocks the listener's wait for notifications
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        join(sender);
        join(listener);
    }

    private static void join(Thread t) {
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** This process's name in notifications, unique per start. */
    public String replica() {
        return replica;
    }

    /** Whether the listening connection is up (notifications from other replicas are arriving). */
    public boolean connected() {
        return connected;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Notifies the other replicas when the current transaction commits, and never if it rolls back; in commit order
     * with every other replica's facts. Without a transaction it is queued like a signal (without coalescing).
     */
    public void sendInTransaction(String topic, Object message) {
        if (!running) {
            return;
        }
        String payload = encode(topic, message);
        if (transactions.getTransactionKey() == null) {
            enqueue(null, payload);
            return;
        }
        em.createNativeQuery("select 1 from pg_notify(?1, ?2)").setParameter(1, config.channel())
                .setParameter(2, payload).getSingleResult();
    }

    /**
     * An ephemeral signal, sent soon by the background thread; one still waiting under the same {@code key} is
     * replaced (only the latest caption or turn state matters).
     */
    public void signal(String topic, String key, Object message) {
        if (!running) {
            return;
        }
        try {
            enqueue(topic + ":" + key, encode(topic, message));
        } catch (IllegalArgumentException tooLarge) {
            LOG.warnf("Dropped a %s signal: %s", topic, tooLarge.getMessage()); // ephemeral: the next one replaces it
        }
    }

    private void enqueue(String key, String payload) {
        synchronized (outgoing) {
            // messages without a key keep their order among themselves under unique keys
            outgoing.put(key != null ? key : "#" + System.nanoTime() + ":" + outgoing.size(), payload);
            outgoing.notifyAll();
        }
    }

    String encode(String topic, Object message) {
        ObjectNode envelope = json.createObjectNode().put("r", replica).put("t", topic);
        envelope.set("m", json.valueToTree(message));
        String payload;
        try {
            payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cluster messages are plain records and always serialise", e);
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("a " + topic + " notification of " + payload.length()
                    + " characters is too large for NOTIFY: send a reference and read the data from its table");
        }
        return payload;
    }

    // --- sending ---------------------------------------------------------------------------------------------------

    private void sendLoop() {
        while (true) {
            List<String> batch;
            synchronized (outgoing) {
                while (outgoing.isEmpty() && running) {
                    try {
                        outgoing.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (outgoing.isEmpty()) {
                    return; // stopped and nothing left
                }
                batch = new ArrayList<>(outgoing.values());
                outgoing.clear();
            }
            try (Connection c = dataSource.getConnection();
                 PreparedStatement st = c.prepareStatement("select count(pg_notify(?, p)) from unnest(?) p")) {
                st.setString(1, config.channel());
                st.setArray(2, c.createArrayOf("text", batch.toArray()));
                st.executeQuery().close();
            } catch (SQLException e) {
                // ephemeral: the next signal replaces it, and facts travel inside their own transactions
                LOG.debugf("Could not send %d cluster signal(s): %s", batch.size(), e.getMessage());
            }
            if (!running) {
                continue;
            }
            try {
                Thread.sleep(config.signalInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // --- listening -------------------------------------------------------------------------------------------------

    private void listen() {
        Duration backoff = config.reconnectMin();
        boolean first = true;
        while (running) {
            try (Connection c = open()) {
                listening = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + config.channel());
                }
                connected = true;
                if (!first) {
                    LOG.infof("Cluster listening connection re-established (replica %s); rebuilding live state", replica);
                }
                fire(new ClusterResync());
                first = false;
                backoff = config.reconnectMin();
                receive(c);
            } catch (SQLException e) {
                connected = false;
                if (!running) {
                    return;
                }
                LOG.warnf("Cluster listening connection failed (%s); retrying in %s", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(config.reconnectMax()) > 0 ? config.reconnectMax()
                        : backoff.multipliedBy(2);
            } finally {
                connected = false;
                listening = null;
            }
        }
    }

    private void receive(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        int wait = (int) Math.max(1, config.heartbeat().toMillis());
        while (running) {
            PGNotification[] received = pg.getNotifications(wait);
            if (received == null || received.length == 0) {
                try (Statement st = c.createStatement()) {
                    st.execute("select 1"); // a dead connection fails here rather than waiting forever
                }
                continue;
            }
            for (PGNotification n : received) {
                dispatch(n.getParameter());
            }
        }
    }

    private void dispatch(String payload) {
        JsonNode envelope;
        try {
            envelope = json.readTree(payload);
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignoring a cluster notification that is not JSON: %.200s", payload);
            return;
        }
        String origin = envelope.path("r").asText();
        if (replica.equals(origin)) {
            return; // delivered locally when it was sent
        }
        fire(new ClusterMessage(envelope.path("t").asText(), origin, envelope.path("m")));
    }

    private void fire(Object event) {
        try {
            if (event instanceof ClusterMessage m) {
                messages.fire(m);
            } else {
                resyncs.fire((ClusterResync) event);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "A cluster observer failed on %s", event);
        }
    }

    private Connection open() throws SQLException {
        String url = settings.getValue("quarkus.datasource.jdbc.url", String.class);
        Properties props = new Properties();
        props.setProperty("user", settings.getOptionalValue("quarkus.datasource.username", String.class).orElse(""));
        props.setProperty("password", settings.getOptionalValue("quarkus.datasource.password", String.class)
                .orElse(""));
        props.setProperty("ApplicationName", "viva-cluster-listener " + replica);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "10");
        // the heartbeat's select 1 must fail on a half-open connection instead of waiting for TCP to give up
        props.setProperty("socketTimeout", Long.toString(Math.max(5, config.heartbeat().toSeconds() * 2)));
        return DriverManager.getConnection(url, props);
    }
}
