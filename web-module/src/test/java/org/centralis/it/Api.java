package org.centralis.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A small HTTP client for the API tests: Basic auth as a demo user, JSON in and out. */
public final class Api {

  public static final String PASSWORD = "centralis";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  private final String base;

  public Api(URL base) {
    String b = base.toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  /** A response: status, content type and the body as text (and parsed JSON when it is JSON). */
  public record Reply(int status, String contentType, String body) {
    public JsonObject json() {
      return (JsonObject) parse();
    }

    public JsonStructure parse() {
      return Json.createReader(new StringReader(body)).read();
    }
  }

  public Reply get(String user, String path) {
    return send(user, PASSWORD, HttpRequest.newBuilder(uri(path)).GET());
  }

  public Reply post(String user, String path, String json) {
    return send(user, PASSWORD, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  public Reply put(String user, String path, String json) {
    return send(user, PASSWORD, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  public Reply send(String user, String password, HttpRequest.Builder request) {
    HttpResponse<String> r = exchange(user, password, request, HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  /** A GET whose body is kept as bytes (report files). */
  public HttpResponse<byte[]> download(String user, String path) {
    return exchange(user, PASSWORD, HttpRequest.newBuilder(uri(path)).GET(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static <T> HttpResponse<T> exchange(String user, String password, HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
    try {
      return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), body);
    } catch (Exception e) {
      throw new IllegalStateException("request failed: " + request.build().uri(), e);
    }
  }

  public URI uri(String path) {
    return URI.create(base + path);
  }

  /** Listens to a server-sent-event stream in the background; its lines arrive in the returned list. */
  public List<String> events(String user, String path) {
    List<String> lines = new CopyOnWriteArrayList<>();
    events(user, path, lines::add);
    return lines;
  }

  /** Listens to a server-sent-event stream in the background, handing each line to {@code onLine}; returns once it said HELLO. */
  public void events(String user, String path, java.util.function.Consumer<String> onLine) {
    java.util.concurrent.CountDownLatch hello = new java.util.concurrent.CountDownLatch(1);
    String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + token)
        .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(120)).GET().build();
    HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(line -> {
      if (line.contains("HELLO")) {
        hello.countDown();
      }
      onLine.accept(line);
    }));
    try {
      if (!hello.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new AssertionError("the stream " + path + " did not open");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while opening " + path, e);
    }
  }
}
