package dev.viva.webhook.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/** A CIDR block, IPv4 or IPv6, and the ranges no webhook may reach unless an operator allows them. */
record AddressRange(byte[] network, int prefix) {

    /** Loopback, link-local, private, CGNAT, multicast, unspecified, reserved and documentation ranges. */
    static final List<AddressRange> NON_PUBLIC = List.of(
            parse("0.0.0.0/8"), parse("10.0.0.0/8"), parse("100.64.0.0/10"), parse("127.0.0.0/8"),
            parse("169.254.0.0/16"), parse("172.16.0.0/12"), parse("192.0.0.0/24"), parse("192.0.2.0/24"),
            parse("192.168.0.0/16"), parse("198.18.0.0/15"), parse("198.51.100.0/24"), parse("203.0.113.0/24"),
            parse("224.0.0.0/4"), parse("240.0.0.0/4"),
            parse("::/128"), parse("::1/128"), parse("::/96"), parse("100::/64"), parse("fc00::/7"),
            parse("fe80::/10"), parse("fec0::/10"), parse("ff00::/8"), parse("2001:db8::/32"));

    /** Parses {@code a.b.c.d/n}, {@code v6::/n} or a single address (a /32 or /128). */
    static AddressRange parse(String cidr) {
        String s = cidr.strip();
        int slash = s.indexOf('/');
        InetAddress address = literal(slash < 0 ? s : s.substring(0, slash));
        byte[] bytes = address.getAddress();
        int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(s.substring(slash + 1));
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("bad prefix length in '" + cidr + "'");
        }
        return new AddressRange(bytes, prefix);
    }

    static InetAddress literal(String s) {
        try {
            return InetAddress.ofLiteral(s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + s + "' is not an IP address", e);
        }
    }

    static boolean isLiteral(String host) {
        try {
            literal(host);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        if (!Arrays.equals(a, 0, full, network, 0, full)) {
            return false;
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }

    /**
     * The IPv4 address an IPv6 address stands for (IPv4-mapped {@code ::ffff:a.b.c.d}, NAT64 {@code 64:ff9b::/96},
     * 6to4 {@code 2002::/16}), so that a private IPv4 cannot be reached through its IPv6 spelling.
     */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] a = address.getAddress();
        try {
            if (isZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
                return Inet4Address.getByAddress(Arrays.copyOfRange(a, 12, 16));
            }
            if ((a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                    && isZero(a, 4, 12)) {
                return Inet4Address.getByAddress(Arrays.copyOfRange(a, 12, 16));
            }
            if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
                return Inet4Address.getByAddress(Arrays.copyOfRange(a, 2, 6));
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    private static boolean isZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
