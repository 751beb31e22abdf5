package dev.viva.webhook.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A one-shot HTTP/1.1 POST to addresses already checked by {@link TargetGuard}. A general HTTP client resolves the host
 * name again itself, which would let a DNS rebinding answer slip past the guard; here the socket connects to the checked
 * address while TLS still verifies the certificate against the host name (SNI and endpoint identification). Redirects
 * are never followed (a 3xx is a failed attempt), and the whole attempt, connection included, is bounded by a deadline.
 */
@ApplicationScoped
public class PinnedHttpSender {

    /** What the receiver answered: status, lower-cased headers, and the first bytes of its body. */
    public record Response(int status, Map<String, String> headers, String body) {
    }

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    public Response post(TargetGuard.Target target, Map<String, String> headers, byte[] body, Duration timeout,
                         int bodyLimit) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        for (InetAddress address : target.addresses()) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, target.port()), remainingMillis(deadline));
            } catch (IOException e) {
                socket.close();
                last = e;
                continue;
            }
            try (Socket s = target.tls() ? tls(socket, target) : socket) {
                s.setSoTimeout(remainingMillis(deadline));
                if (s instanceof SSLSocket ssl) {
                    ssl.startHandshake();
                }
                writeRequest(s.getOutputStream(), target, headers, body);
                return readResponse(s, deadline, bodyLimit);
            }
        }
        throw last != null ? last : new IOException("no address to connect to");
    }

    private static Socket tls(Socket plain, TargetGuard.Target target) throws IOException {
        SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, target.host(), target.port(), true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!AddressRange.isLiteral(target.host())) {
            params.setServerNames(List.of(new SNIHostName(target.host())));
        }
        ssl.setSSLParameters(params);
        return ssl;
    }

    private static void writeRequest(OutputStream out, TargetGuard.Target target, Map<String, String> headers,
                                     byte[] body) throws IOException {
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty()
                ? "/" : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        boolean defaultPort = target.port() == (target.tls() ? 443 : 80);
        String hostHeader = (target.host().contains(":") ? "[" + target.host() + "]" : target.host())
                + (defaultPort ? "" : ":" + target.port());
        StringBuilder head = new StringBuilder()
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static Response readResponse(Socket s, long deadline, int bodyLimit) throws IOException {
        Reader in = new Reader(s, deadline);
        while (true) {
            String statusLine = in.line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP response: " + truncate(statusLine, 100));
            }
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status: " + truncate(parts[1], 20));
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = in.line(); !line.isEmpty(); line = in.line()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                }
            }
            if (status >= 100 && status < 200) {
                continue;
            }
            return new Response(status, headers, in.body(headers, bodyLimit));
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) {
            throw new SocketTimeoutException("the attempt timed out");
        }
        return (int) Math.min(ms, Integer.MAX_VALUE);
    }

    /** Reads within the deadline: each blocking read is bounded by the time left, so a trickling receiver cannot stretch it. */
    private static final class Reader {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private final byte[] buf = new byte[8192];
        private int pos;
        private int len;
        private int headBytes;

        Reader(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        private int read() throws IOException {
            if (pos == len) {
                socket.setSoTimeout(remainingMillis(deadline));
                len = in.read(buf);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return -1;
                }
            }
            return buf[pos++] & 0xff;
        }

        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = read(); b != '\n'; b = read()) {
                if (b < 0) {
                    throw new IOException("the receiver closed the connection mid-response");
                }
                if (++headBytes > MAX_HEAD_BYTES) {
                    throw new IOException("the response head is larger than " + MAX_HEAD_BYTES + " bytes");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        /** Up to {@code limit} bytes of the body; a failure while reading it does not undo the status already read. */
        String body(Map<String, String> headers, int limit) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                    while (out.size() < limit) {
                        String size = line();
                        int semi = size.indexOf(';');
                        int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
                        if (n == 0) {
                            break;
                        }
                        copy(out, n, limit);
                        line();
                    }
                } else {
                    String cl = headers.get("content-length");
                    copy(out, cl == null ? Integer.MAX_VALUE : Integer.parseInt(cl), limit);
                }
            } catch (IOException | NumberFormatException e) {
                // keep what was read: the status code decides the outcome, the body is only for the log
            }
            return out.toString(StandardCharsets.UTF_8);
        }

        private void copy(ByteArrayOutputStream out, int n, int limit) throws IOException {
            for (int i = 0; i < n && out.size() < limit; i++) {
                int b = read();
                if (b < 0) {
                    return;
                }
                out.write(b);
            }
        }
    }
}
