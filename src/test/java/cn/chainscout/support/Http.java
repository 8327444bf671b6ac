package cn.chainscout.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the application on its port. */
public final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	public record Response(int status, String body, String contentType) {

		public JsonNode json() {
			return JSON.readTree(body);
		}
	}

	private Http() {
	}

	public static Response get(String url) {
		try {
			HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The body as bytes, for downloads. */
	public record Download(int status, byte[] body, String contentType, String disposition) {
	}

	public static Download download(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
	}

	public static Response post(String url) {
		Download d = send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build());
		return new Response(d.status(), new String(d.body(), StandardCharsets.UTF_8), d.contentType());
	}

	public static Response postJson(String url, String json) {
		Download d = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
		return new Response(d.status(), new String(d.body(), StandardCharsets.UTF_8), d.contentType());
	}

	/** A multipart/form-data upload of one file in the field {@code file}. */
	public static Response upload(String url, String fileName, byte[] content) {
		String boundary = "----chainscout" + System.nanoTime();
		var out = new java.io.ByteArrayOutputStream();
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		Download d = send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
			.build());
		return new Response(d.status(), new String(d.body(), StandardCharsets.UTF_8), d.contentType());
	}

	private static Download send(HttpRequest request) {
		try {
			HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Download(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
					r.headers().firstValue("Content-Disposition").orElse(""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
