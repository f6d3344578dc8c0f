package com.dealradar.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Loopback ports for tests that are bound, never guessed. */
public final class Ports {

    private Ports() {
    }

    /**
     * A loopback port on which nothing listens, for the rest of this JVM: a socket binds it and never listens, so
     * connections are refused and no other process can start listening there (a port taken from the OS and then
     * released could be anyone's a moment later). The same port for every caller of {@code name}, whatever class
     * loader asks (the holder lives in the system properties).
     */
    public static int closed(String name) {
        Socket holder = (Socket) System.getProperties().computeIfAbsent("dealradar.test.closed-port." + name, k -> bindWithoutListening());
        return holder.getLocalPort();
    }

    private static Socket bindWithoutListening() {
        try {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
