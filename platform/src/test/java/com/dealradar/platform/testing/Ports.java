package com.dealradar.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Loopback ports for tests that are bound, never guessed. */
public final class Ports {

    private Ports() {}

    /**
     * A loopback port on which nothing listens, for the rest of this JVM: a socket binds it and never listens, so
     * connections are refused and no other process can start listening there (a port taken from the OS and then
     * released could be anyone's a moment later). The same port for every caller of {@code name}, whatever class
     * loader asks: the port number is a system property, the socket is held by a parked daemon thread (a GC root,
     * which a class loader of a finished test application is not).
     */
    public static synchronized int closed(String name) {
        String property = "dealradar.test.closed-port." + name;
        String known = System.getProperty(property);
        if (known != null) {
            return Integer.parseInt(known);
        }
        Socket socket = bindWithoutListening();
        Thread holder = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        java.util.concurrent.locks.LockSupport.park();
                    }
                },
                "held-port-" + name);
        holder.setDaemon(true);
        holder.start();
        System.setProperty(property, Integer.toString(socket.getLocalPort()));
        return socket.getLocalPort();
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
