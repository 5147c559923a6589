package dev.wharf.bench.greeter;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection that sends the same GET again and again. Much lighter
 * than java.net.http.HttpClient (no selector thread between caller and socket), so the
 * latencies measured are greeter's and the loopback's, not the load generator's.
 */
final class KeepAliveClient implements AutoCloseable {
  private final URI url;
  private final byte[] request;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  KeepAliveClient(URI url, String bearer) {
    this.url = url;
    request = ("GET " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
        + "\r\nAuthorization: Bearer " + bearer + "\r\nAccept: application/json\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
  }

  /**
   * Sends the GET and reads the whole response; returns the status code. Reconnects when the
   * server ended the connection (Tomcat does after 100 requests), as a browser would.
   */
  int get() throws IOException {
    if (socket == null) {
      connect();
    }
    out.write(request);
    out.flush();
    String status = line();
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closing = false;
    String header;
    while (!(header = line()).isEmpty()) {
      String lower = header.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closing = true;
      }
    }
    if (chunked) {
      long size;
      while ((size = Long.parseLong(line().trim(), 16)) > 0) {
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
    while (n > 0) {
      long skipped = in.skip(n);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed in the middle of a response");
        }
        skipped = 1;
      }
      n -= skipped;
    }
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new IOException("connection closed by greeter");
      }
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
