package kz.gov.dozor.ejb.evidence.capture;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A connection to Chromium's DevTools protocol over its WebSocket: commands with their answers,
 * events to one listener (called on the socket's thread: it must not wait for answers).
 */
final class DevTools implements AutoCloseable {

  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final Consumer<JsonObject> events;
  private final WebSocket socket;
  private final Object sending = new Object();
  private volatile String closedBecause;

  private DevTools(URI address, Consumer<JsonObject> events, Duration timeout)
      throws CaptureFailedException {
    this.events = events;
    try {
      this.socket =
          HttpClient.newBuilder()
              .connectTimeout(timeout)
              .build()
              .newWebSocketBuilder()
              .buildAsync(address, new Listener())
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new CaptureFailedException("the browser's DevTools did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CaptureFailedException("interrupted", e);
    }
  }

  static DevTools connect(URI address, Consumer<JsonObject> events, Duration timeout)
      throws CaptureFailedException {
    return new DevTools(address, events, timeout);
  }

  /** Sends a command (to a page's session, when {@code session} is not null), not waiting. */
  CompletableFuture<JsonObject> send(String session, String method, JsonObjectBuilder params) {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    if (closedBecause != null) {
      answer.completeExceptionally(new IllegalStateException(closedBecause));
      return answer;
    }
    pending.put(id, answer);
    JsonObjectBuilder message =
        Json.createObjectBuilder()
            .add("id", id)
            .add("method", method)
            .add("params", params == null ? Json.createObjectBuilder() : params);
    if (session != null) {
      message.add("sessionId", session);
    }
    String text = message.build().toString();
    // One message at a time on the socket, as the WebSocket API requires.
    synchronized (sending) {
      socket.sendText(text, true).join();
    }
    return answer;
  }

  /** Sends a command and waits for its answer. */
  JsonObject call(String session, String method, JsonObjectBuilder params, Duration timeout)
      throws CaptureFailedException {
    try {
      return send(session, method, params).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new CaptureFailedException(method + " failed: " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new CaptureFailedException("the browser did not answer " + method + " in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CaptureFailedException("interrupted", e);
    }
  }

  @Override
  public void close() {
    closedBecause = "closed";
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      socket.abort();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      socket.abort();
    }
    failPending("closed");
  }

  private void failPending(String why) {
    pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException(why)));
    pending.clear();
  }

  private void dispatch(String text) {
    JsonObject m = Json.createReader(new StringReader(text)).readObject();
    if (m.containsKey("id")) {
      CompletableFuture<JsonObject> answer = pending.remove(m.getJsonNumber("id").longValue());
      if (answer != null) {
        if (m.containsKey("error")) {
          answer.completeExceptionally(
              new IllegalStateException(m.getJsonObject("error").getString("message", "error")));
        } else {
          answer.complete(
              m.containsKey("result") ? m.getJsonObject("result") : JsonObject.EMPTY_JSON_OBJECT);
        }
      }
    } else if (m.containsKey("method")) {
      events.accept(m);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder parts = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      parts.append(data);
      if (last) {
        String text = parts.toString();
        parts.setLength(0);
        dispatch(text);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      closedBecause = "the browser closed the connection";
      failPending(closedBecause);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closedBecause = "the connection to the browser failed: " + error.getMessage();
      failPending(closedBecause);
    }
  }
}
