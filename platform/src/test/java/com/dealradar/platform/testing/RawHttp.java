package com.dealradar.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Raw bytes to a server and what came back, for requests no HTTP client would send (no Host, both framing
 * headers, folded headers, bare LF). Reads until the server closes the connection or stays silent for the
 * read timeout; {@link Answer#closed()} tells which. A request over {@link #STREAMED_FROM} bytes is written as a
 * client streams a body, in pieces with short pauses, so that the server answers while it is still arriving.
 */
public final class RawHttp {

    private RawHttp() {}

    /** Requests longer than this are written in {@link #PIECE}-byte pieces, a millisecond apart. */
    static final int STREAMED_FROM = 64 * 1024;

    static final int PIECE = 16 * 1024;

    /**
     * What came back; {@code resetWhileSending}: the server reset the connection while the request was still being
     * written (what a client that writes its whole request before reading reports as no answer at all).
     */
    public record Answer(
            int status,
            Map<String, String> headers,
            String body,
            boolean closed,
            String raw,
            boolean resetWhileSending) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public static Answer send(String host, int port, String request) {
        return send(host, port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Answer send(String host, int port, byte[] request) {
        return send(host, port, null, request);
    }

    /** From another local address (e.g. 127.0.0.2: every 127/8 address is this machine), as another client would. */
    public static Answer sendFrom(String localAddress, String host, int port, String request) {
        return send(host, port, localAddress, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer send(String host, int port, String localAddress, byte[] request) {
        try (Socket socket = localAddress == null
                ? new Socket(host, port)
                : new Socket(host, port, java.net.InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(3000);
            boolean resetWhileSending = false;
            try {
                write(socket, request);
            } catch (IOException e) {
                resetWhileSending = true; // what the server answered before it may still be readable
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean closed = false;
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (IOException e) {
                closed = true; // reset by the server
            }
            return parse(received.toString(StandardCharsets.UTF_8), closed, resetWhileSending);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Socket socket, byte[] request) throws IOException {
        var out = socket.getOutputStream();
        if (request.length <= STREAMED_FROM) {
            out.write(request);
            out.flush();
            return;
        }
        for (int from = 0; from < request.length; from += PIECE) {
            out.write(request, from, Math.min(PIECE, request.length - from));
            out.flush();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /** An answer as {@link #send} would report it, from what a test read itself. */
    public static Answer parse(String raw, boolean closed, boolean resetWhileSending) {
        int end = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/") || end < 0) {
            return new Answer(-1, Map.of(), raw, closed, raw, resetWhileSending);
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        return new Answer(status, headers, raw.substring(end + 4), closed, raw, resetWhileSending);
    }
}
