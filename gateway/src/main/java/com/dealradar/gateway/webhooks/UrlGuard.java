package com.dealradar.gateway.webhooks;

import com.dealradar.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        return uri;
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
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        return new Target(uri, addresses[0], port, https);
    }

    /** Whether an address is on the public internet: not loopback, private, link-local, multicast, CGNAT, ULA or unspecified. */
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
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0
                    || first == 100 && second >= 64 && second <= 127
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0
                    || first == 198 && (second == 18 || second == 19)
                    || first >= 240);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            boolean v4Mapped = List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0).equals(toList(b, 10))
                    && (b[10] & 0xff) == 0xff
                    && (b[11] & 0xff) == 0xff;
            if (v4Mapped) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Integer> toList(byte[] bytes, int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(bytes[i] & 0xff);
        }
        return list;
    }
}
