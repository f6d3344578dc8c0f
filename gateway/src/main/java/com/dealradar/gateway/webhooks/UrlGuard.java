package com.dealradar.gateway.webhooks;

import com.dealradar.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Stops webhooks from being used to reach inside the network (SSRF): an endpoint URL must be https and every address
 * its host resolves to must be public, checked after DNS resolution, when the endpoint is saved and again before each
 * delivery; the delivery then connects to the address that was checked (so a DNS answer that changes in between, DNS
 * rebinding, cannot redirect it). Local development allows http and loopback ({@link WebhookConfig}).
 */
@ApplicationScoped
public class UrlGuard {

    private final WebhookConfig config;

    UrlGuard(WebhookConfig config) {
        this.config = config;
    }

    /** The checked URL and the address to connect to. */
    public record Target(URI uri, InetAddress address, int port, boolean https) {}

    /** Checks the URL's form only (no DNS): for the 400 of a malformed URL. */
    public URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw ProblemException.badParameter("url", "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !config.requireHttps())) {
            throw ProblemException.badParameter(
                    "url", config.requireHttps() ? "must be an https URL" : "must be an http or https URL");
        }
        if (uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null
                || url.length() > 2000) {
            throw ProblemException.badParameter(
                    "url",
                    "must be an absolute URL with a host, without user info or fragment, at most 2000 characters");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw ProblemException.badParameter("url", "the port must be 1 to 65535");
        }
        int port = portOf(uri);
        config.ports().filter(allowed -> !allowed.contains(port)).ifPresent(allowed -> {
            throw ProblemException.badParameter(
                    "url",
                    "the port must be "
                            + allowed.stream().sorted().map(String::valueOf).toList()
                            + ": the gateway reaches receivers on no other (this URL's is " + port + ")");
        });
        return uri;
    }

    /** The port the URL names, or the one its scheme implies. */
    private static int portOf(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** Resolves the host and refuses non-public addresses (unless local development allows them). */
    public Target resolve(String url) {
        URI uri = parse(url);
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw ProblemException.badParameter("url", "the host does not resolve");
        }
        if (!config.allowPrivateAddresses()) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw ProblemException.badParameter(
                            "url",
                            "resolves to a loopback, private, link-local or otherwise non-public address ("
                                    + address.getHostAddress() + ")");
                }
            }
        }
        return new Target(uri, addresses[0], portOf(uri), https);
    }

    /**
     * Whether an address is on the public internet: not loopback, private, link-local, multicast, CGNAT, reserved or
     * documentation space, unspecified, ULA, nor a public-looking IPv6 address that carries a non-public IPv4 one (NAT64,
     * 6to4, IPv4-mapped: a DNS64/NAT64 network translates {@code 64:ff9b::10.0.0.1} to {@code 10.0.0.1}). IANA's
     * special-purpose registries (RFC 6890 and its updates) name the ranges.
     */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return NON_PUBLIC_V4.stream().noneMatch(prefix -> prefix.contains(b));
        }
        for (Prefix embedding : EMBEDS_V4) {
            if (embedding.contains(b)) {
                int at = embedding.embeddedAt();
                return isPublic(v4(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]}));
            }
        }
        return NON_PUBLIC_V6.stream().noneMatch(prefix -> prefix.contains(b));
    }

    /** An address range; {@code embeddedAt}: where the IPv4 address a range of IPv6 carries begins, else -1. */
    private record Prefix(byte[] network, int bits, int embeddedAt) {

        static Prefix of(String cidr) {
            return of(cidr, -1);
        }

        static Prefix of(String cidr, int embeddedAt) {
            int slash = cidr.indexOf('/');
            try {
                return new Prefix(
                        InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                        Integer.parseInt(cidr.substring(slash + 1)),
                        embeddedAt);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit += 8) {
                int mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** IPv4 ranges that are not public besides what {@link InetAddress} tells (loopback, 10/8, 172.16/12, ...). */
    private static final List<Prefix> NON_PUBLIC_V4 = Stream.of(
                    "0.0.0.0/8", // "this network"
                    "100.64.0.0/10", // carrier-grade NAT
                    "192.0.0.0/24", // IETF protocol assignments
                    "192.0.2.0/24", // documentation
                    "192.88.99.0/24", // the former 6to4 relay anycast
                    "198.18.0.0/15", // benchmarking
                    "198.51.100.0/24", // documentation
                    "203.0.113.0/24", // documentation
                    "240.0.0.0/4") // reserved, and the limited broadcast
            .map(Prefix::of)
            .toList();

    /** IPv6 ranges that carry an IPv4 address: judged by that address. */
    private static final List<Prefix> EMBEDS_V4 = List.of(
            Prefix.of("::ffff:0:0/96", 12), // IPv4-mapped
            Prefix.of("::/96", 12), // IPv4-compatible (deprecated)
            Prefix.of("64:ff9b::/96", 12), // NAT64, well-known prefix
            Prefix.of("2002::/16", 2)); // 6to4

    /** IPv6 ranges that are not public besides what {@link InetAddress} tells (loopback, fe80::/10, fec0::/10, ff00::/8). */
    private static final List<Prefix> NON_PUBLIC_V6 = Stream.of(
                    "64:ff9b:1::/48", // NAT64, local use
                    "100::/64", // discard only
                    "2001::/23", // IETF protocol assignments: Teredo, benchmarking, ORCHID
                    "2001:db8::/32", // documentation
                    "3fff::/20", // documentation
                    "5f00::/16", // segment routing (SRv6) SIDs
                    "fc00::/7") // unique local
            .map(Prefix::of)
            .toList();

    private static InetAddress v4(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
