package dev.viva.webhook.delivery;

import dev.viva.webhook.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The server-side request forgery guard. An endpoint URL is checked when it is saved and again before every attempt,
 * after DNS resolution; the sender then connects to exactly the addresses checked here, so a DNS answer that changes
 * between check and connection (rebinding) cannot reach an internal address.
 */
@ApplicationScoped
public class TargetGuard {

    /** A URL that passed the guard, with the addresses to connect to. */
    public record Target(URI uri, String host, int port, boolean tls, List<InetAddress> addresses) {
    }

    /** Why a URL is refused, in words an endpoint owner can act on. */
    public static class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private static final int MAX_URL_LENGTH = 2048;

    private final boolean allowHttp;
    private final List<AddressRange> allowedRanges = new ArrayList<>();
    private final List<String> allowedHosts = new ArrayList<>();

    @Inject
    public TargetGuard(WebhookConfig config) {
        this(config.allowHttp(), config.allowedTargets().orElse(List.of()));
    }

    TargetGuard(boolean allowHttp, List<String> allowedTargets) {
        this.allowHttp = allowHttp;
        for (String entry : allowedTargets) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.contains("/") || AddressRange.isLiteral(e)) {
                allowedRanges.add(AddressRange.parse(e));
            } else {
                allowedHosts.add(e);
            }
        }
    }

    /** Checks the form of a URL without resolving it. */
    public URI parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("a URL is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new Refused("the URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
            throw new Refused(scheme.equals("http")
                    ? "plain http is not accepted: use https (an operator can allow http with viva.webhook.allow-http)"
                    : "the URL must be an absolute https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("credentials in the URL are not accepted (they end up in logs); "
                    + "verify the webhook signature instead");
        }
        return uri;
    }

    /** Parses, resolves and checks a URL; every address it resolves to must be public or allow-listed. */
    public Target check(String url) throws Refused {
        URI uri = parse(url);
        String host = uri.getHost();
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bareHost);
        } catch (UnknownHostException e) {
            throw new Refused("the host '" + bareHost + "' does not resolve");
        }
        if (!hostAllowed(bareHost)) {
            for (InetAddress address : addresses) {
                String why = whyRefused(address);
                if (why != null) {
                    throw new Refused("'" + bareHost + "' resolves to " + address.getHostAddress() + ", " + why
                            + "; an operator can allow it with viva.webhook.allowed-targets");
                }
            }
        }
        return new Target(uri, bareHost, port, tls, List.of(addresses));
    }

    private boolean hostAllowed(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return allowedHosts.stream().anyMatch(a -> a.startsWith(".") ? h.endsWith(a) : h.equals(a));
    }

    /** Null if the address may be reached, else what kind of address it is. */
    String whyRefused(InetAddress address) {
        if (allowed(address)) {
            return null;
        }
        InetAddress v4 = AddressRange.embeddedIpv4(address);
        if (v4 != null) {
            String inner = whyRefused(v4);
            return inner == null ? null : "which embeds " + v4.getHostAddress() + ", " + inner;
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        for (AddressRange range : AddressRange.NON_PUBLIC) {
            if (range.contains(address)) {
                return "a private or reserved address";
            }
        }
        return null;
    }

    private boolean allowed(InetAddress address) {
        return allowedRanges.stream().anyMatch(r -> r.contains(address));
    }
}
