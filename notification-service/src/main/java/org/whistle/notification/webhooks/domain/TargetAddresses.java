package org.whistle.notification.webhooks.domain;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a webhook may go: public unicast addresses only. Refused are loopback, private (10/8, 172.16/12, 192.168/16),
 * link-local (169.254/16 with the cloud metadata address 169.254.169.254; fe80::/10), unique-local (fc00::/7 with
 * fd00:ec2::254), carrier-grade NAT (100.64/10), benchmarking (198.18/15, 2001:2::/48), documentation, multicast,
 * reserved, broadcast and unspecified addresses, and IPv6 forms that embed an IPv4 address (mapped, compatible,
 * NAT64, 6to4) unless the embedded one is public.
 */
public final class TargetAddresses {

    private static final Pattern NUMERIC_IPV4 =
            Pattern.compile("(?i)(0x[0-9a-f]+|[0-9]+)(\\.(0x[0-9a-f]+|[0-9]+)){0,3}");

    private TargetAddresses() {}

    /** Whether a webhook may connect to this address. */
    public static boolean isPublic(InetAddress address) {
        var b = address.getAddress();
        if (address instanceof Inet4Address) {
            return publicV4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff);
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return publicV4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff, b[15] & 0xff); // ::ffff:a.b.c.d
        }
        if (allZero(b, 0, 12)) {
            return false; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
        }
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return publicV4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff, b[15] & 0xff); // NAT64 64:ff9b::/96
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return publicV4(b[2] & 0xff, b[3] & 0xff, b[4] & 0xff, b[5] & 0xff); // 6to4 2002::/16
        }
        if (b0 == 0x20 && b1 == 0x01 && ((b[2] & 0xff) & 0xfe) == 0) {
            return false; // 2001::/23 protocol assignments: Teredo, benchmarking 2001:2::/48, ORCHID
        }
        if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return false; // documentation 2001:db8::/32
        }
        // Only global unicast (2000::/3) is public: this leaves out fc00::/7, fe80::/10, fec0::/10, ff00::/8, 100::/64.
        return (b0 & 0xe0) == 0x20;
    }

    private static boolean publicV4(int a, int b, int c, int d) {
        return !(a == 0 // "this network", 0.0.0.0 unspecified
                || a == 10
                || a == 127
                || (a == 100 && (b & 0xc0) == 64) // CGNAT 100.64/10
                || (a == 169 && b == 254) // link-local, cloud metadata 169.254.169.254
                || (a == 172 && (b & 0xf0) == 16)
                || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
                || (a == 192 && b == 0 && c == 2) // documentation
                || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
                || (a == 192 && b == 168)
                || (a == 198 && (b & 0xfe) == 18) // benchmarking 198.18/15
                || (a == 198 && b == 51 && c == 100)
                || (a == 203 && b == 0 && c == 113)
                || a >= 224); // multicast, reserved, broadcast
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a host written as a number the way the C library's {@code inet_aton} does — {@code 2130706433},
     * {@code 0x7f.1}, {@code 017700000001}, {@code 127.1} — so that no spelling of an address escapes the check by
     * being taken for a name. Empty when the host is not such a number.
     *
     * @throws UnknownHostException when it looks like a number but is out of range
     */
    public static Optional<InetAddress> numericIpv4(String host) throws UnknownHostException {
        if (!NUMERIC_IPV4.matcher(host).matches()) {
            return Optional.empty();
        }
        var parts = host.split("\\.");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = part(parts[i], host);
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 0xff) {
                throw new UnknownHostException("not an IPv4 address: " + host);
            }
            address |= values[i] << (24 - 8 * i);
        }
        long last = values[parts.length - 1];
        long room = (1L << (8 * (4 - (parts.length - 1)))) - 1;
        if (last > room) {
            throw new UnknownHostException("not an IPv4 address: " + host);
        }
        address |= last;
        return Optional.of(InetAddress.getByAddress(
                host,
                new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address}));
    }

    private static long part(String part, String host) throws UnknownHostException {
        try {
            if (part.length() > 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
                return Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new UnknownHostException("not an IPv4 address: " + host);
        }
    }
}
