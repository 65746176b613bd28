package org.centralis.shared.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 64 KiB with 413, before they are read: by the declared length, and
 * for chunked bodies by counting while reading.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

  static final int MAX_BYTES = 64 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > MAX_BYTES) {
      request.abortWith(tooLarge());
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Limited(request.getEntityStream()));
    }
  }

  static Response tooLarge() {
    return Problem.response(413, "payload-too-large", "Content Too Large", "request bodies are limited to " + MAX_BYTES + " bytes");
  }

  /** Thrown by the counting stream; mapped to 413 by {@link ProblemMapper} through WebApplicationException. */
  private static final class Limited extends FilterInputStream {
    private long count;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      count += n;
      if (count > MAX_BYTES) {
        throw new jakarta.ws.rs.WebApplicationException(tooLarge());
      }
    }
  }
}
