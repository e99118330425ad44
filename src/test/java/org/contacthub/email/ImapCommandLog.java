package org.contacthub.email;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of the test IMAP server that keeps every line the client sends, so a
 * test can assert on what the server was asked. Told to, it cuts the connection when the client sends
 * a chosen command, as a lost connection would.
 */
final class ImapCommandLog implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile String cutOn;

    ImapCommandLog(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "imap-command-log");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    List<String> commands() {
        return new ArrayList<>(commands);
    }

    void clear() {
        commands.clear();
    }

    /** Cuts the connection instead of passing on the first command containing this text. */
    void cutOn(String text) {
        cutOn = text;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                sockets.add(client);
                sockets.add(server);
                pump(buffered(server.getInputStream()), buffered(client.getOutputStream()), false, client, server);
                pump(buffered(client.getInputStream()), buffered(server.getOutputStream()), true, client, server);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static InputStream buffered(InputStream in) {
        return new BufferedInputStream(in);
    }

    private static OutputStream buffered(OutputStream out) {
        return new BufferedOutputStream(out);
    }

    private void pump(InputStream from, OutputStream to, boolean record, Socket client, Socket server) {
        Thread pump = new Thread(() -> copy(from, to, record, client, server), "imap-command-log-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void copy(InputStream from, OutputStream to, boolean record, Socket client, Socket server) {
        StringBuilder line = new StringBuilder();
        try {
            int b;
            while ((b = from.read()) >= 0) {
                if (record) {
                    line.append((char) b);
                    if (b == '\n') {
                        String command = line.toString().trim();
                        line.setLength(0);
                        commands.add(command);
                        if (cutOn != null && command.contains(cutOn)) {
                            closeBoth(client, server);
                            return;
                        }
                    }
                }
                to.write(b);
                if (from.available() == 0) {
                    to.flush();
                }
            }
        } catch (IOException e) {
            // The other side closed; the pump's work is done.
        }
        closeBoth(client, server);
    }

    private static void closeBoth(Socket client, Socket server) {
        try {
            client.close();
            server.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
