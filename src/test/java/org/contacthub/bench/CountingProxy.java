package org.contacthub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP relay that counts the bytes each way, so the benchmark can say how much an IMAP
 * poll fetched without looking inside the protocol.
 */
final class CountingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicLong toClient = new AtomicLong();
    private final AtomicLong toServer = new AtomicLong();
    private final ExecutorService relays = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "counting-proxy");
        thread.setDaemon(true);
        return thread;
    });

    private CountingProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    static CountingProxy start(int targetPort) throws IOException {
        CountingProxy proxy = new CountingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
        proxy.relays.execute(proxy::acceptAll);
        return proxy;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Bytes the server sent to the client since the last reset. */
    long bytesToClient() {
        return toClient.get();
    }

    long bytesToServer() {
        return toServer.get();
    }

    void reset() {
        toClient.set(0);
        toServer.set(0);
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                relays.execute(() -> relay(client, server, toServer));
                relays.execute(() -> relay(server, client, toClient));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void relay(Socket from, Socket to, AtomicLong counter) {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                counter.addAndGet(read);
            }
        } catch (IOException e) {
            // One side closed; the other relay ends when its socket is closed below.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed by the other relay.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        relays.shutdownNow();
    }
}
