package io.aftercare.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client for load on loopback: one kept-alive connection, one request at a time, reconnecting
 * when the server closes it. It does the least a client can (no pools, no executors, no header maps), so that in a
 * benchmark on a 2-core machine the driver takes as little as possible of the CPU the server is measured on; both the
 * endpoint measured and its baseline are driven by it alike.
 */
final class LoopbackHttp implements Closeable {

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LoopbackHttp(int port) {
        this.port = port;
    }

    /** POSTs a JSON body and returns the status, having read (and dropped) the answer's body. */
    int post(String path, byte[] body, Map<String, String> headers) throws IOException {
        StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\n")
            .append("Host: 127.0.0.1:").append(port).append("\r\nContent-Type: application/json\r\nContent-Length: ")
            .append(body.length).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
        if (socket == null) {
            connect();
        }
        try {
            return exchange(start, body);
        } catch (IOException stale) {
            // the server closed the kept-alive connection between two requests: once more on a new one
            close();
            connect();
            return exchange(start, body);
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    private int exchange(byte[] start, byte[] body) throws IOException {
        out.write(start);
        out.write(body);
        out.flush();
        String status = line();
        if (status == null || !status.startsWith("HTTP/1.1 ")) {
            throw new IOException("no answer");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                skip(size);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        if (closing) {
            close();
        }
        return code;
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("closed in the body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                int n = buffer.size();
                byte[] bytes = buffer.toByteArray();
                return new String(bytes, 0, n > 0 && bytes[n - 1] == '\r' ? n - 1 : n, StandardCharsets.US_ASCII);
            }
            buffer.write(b);
        }
        return null;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }
}
