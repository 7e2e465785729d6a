package cn.onething.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain TCP proxy on 127.0.0.1 in front of a server (Keycloak, Elasticsearch), to take it away from the nodes and
 * give it back without touching the shared server itself. {@link #stop()} closes the listening socket (new
 * connections are refused) and every connection open through it (pooled keep-alive connections die too), as a
 * server going down would.
 */
final class TcpProxy implements AutoCloseable {

    private final String name;
    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    TcpProxy(String name, String targetHost, int targetPort) {
        this.name = name;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = freePort();
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    synchronized TcpProxy start() throws IOException {
        if (server != null) {
            return this;
        }
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = listening;
        Thread acceptor = new Thread(() -> accept(listening), name + "-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    /** Refuses new connections and cuts the open ones. */
    synchronized void stop() {
        ServerSocket listening = server;
        server = null;
        if (listening != null) {
            closeQuietly(listening);
        }
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    boolean running() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            Socket client;
            try {
                client = listening.accept();
            } catch (IOException e) {
                return; // stopped
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(targetHost, targetPort), 3000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            open.add(client);
            open.add(upstream);
            if (server != listening) { // stopped meanwhile
                closeQuietly(client);
                closeQuietly(upstream);
                return;
            }
            AtomicInteger directions = new AtomicInteger(2);
            pump(client, upstream, "up", directions);
            pump(upstream, client, "down", directions);
        }
    }

    /** Copies one direction; at its end half-closes the other side; the pair is closed when both have ended. */
    private void pump(Socket from, Socket to, String direction, AtomicInteger directions) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(from);
                closeQuietly(to);
            } finally {
                if (directions.decrementAndGet() == 0 || from.isClosed()) {
                    closeQuietly(from);
                    closeQuietly(to);
                    open.remove(from);
                    open.remove(to);
                }
            }
        }, name + "-proxy-" + direction);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    /** A port nothing listens on now. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
