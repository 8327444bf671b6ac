package cn.chainscout.crawl.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Raw responses of a crawl, kept as a gzipped WARC file ({@code <dir>/<source>/<crawl id>.warc.gz},
 * ISO 28500, readable by any WARC tool), each with its fetch metadata: when, how long, crawl id,
 * depth, whether the body was cut at the size limit. Extraction can be run again from these files
 * without fetching anything.
 */
public final class RawStore implements Closeable {

	/** A response read back from a WARC file. */
	public record Captured(String url, int status, Map<String, List<String>> headers, byte[] body, Instant at) {

		public String header(String name) {
			for (Map.Entry<String, List<String>> e : headers.entrySet()) {
				if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
					return e.getValue().get(0);
				}
			}
			return "";
		}
	}

	private static final List<String> DROPPED = List.of("content-length", "transfer-encoding", "content-encoding", "content-type",
			"connection", "keep-alive");

	private final Path file;

	private final WarcWriter writer;

	private RawStore(Path file, WarcWriter writer) {
		this.file = file;
		this.writer = writer;
	}

	public static RawStore open(Path file) {
		try {
			Files.createDirectories(file.getParent());
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
			return new RawStore(file, new WarcWriter(channel, WarcCompression.GZIP));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open " + file, ex);
		}
	}

	public Path file() {
		return file;
	}

	public void write(Fetcher.Response r, String crawlId, int depth) {
		if (r.status() < 100) {
			return;
		}
		try {
			HttpResponse.Builder http = new HttpResponse.Builder(r.status(), reason(r.status()));
			r.headers().forEach((name, values) -> {
				if (!name.startsWith(":") && !DROPPED.contains(name.toLowerCase(Locale.ROOT))) {
					values.forEach(v -> http.addHeader(name, v));
				}
			});
			http.body(mediaType(r.contentType()), r.body());
			WarcResponse record = new WarcResponse.Builder(URI.create(r.url()))
				.date(r.at())
				.addHeader("ChainScout-Crawl-Id", crawlId)
				.addHeader("ChainScout-Depth", Integer.toString(depth))
				.addHeader("ChainScout-Fetch-Millis", Long.toString(r.millis()))
				.addHeader("ChainScout-Truncated", Boolean.toString(r.truncated()))
				.body(http.build())
				.build();
			writer.write(record);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write to " + file, ex);
		}
	}

	private static MediaType mediaType(String contentType) {
		try {
			return contentType.isBlank() ? MediaType.parse("application/octet-stream") : MediaType.parse(contentType);
		}
		catch (IllegalArgumentException ex) {
			return MediaType.parse("application/octet-stream");
		}
	}

	private static String reason(int status) {
		return switch (status) {
			case 200 -> "OK";
			case 301 -> "Moved Permanently";
			case 302 -> "Found";
			case 304 -> "Not Modified";
			case 404 -> "Not Found";
			case 503 -> "Service Unavailable";
			default -> "Status";
		};
	}

	@Override
	public void close() {
		try {
			writer.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot close " + file, ex);
		}
	}

	/** Every response kept under {@code dir} (WARC files in name order, records in file order). */
	public static void readAll(Path dir, Consumer<Captured> consumer) {
		if (!Files.isDirectory(dir)) {
			return;
		}
		List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".warc.gz")).sorted().toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + dir, ex);
		}
		for (Path f : files) {
			try (WarcReader reader = new WarcReader(f)) {
				for (WarcRecord record : reader) {
					if (record instanceof WarcResponse response) {
						HttpResponse http = response.http();
						Map<String, List<String>> headers = new LinkedHashMap<>(http.headers().map());
						Optional.ofNullable(http.contentType()).ifPresent(ct -> headers.put("Content-Type", List.of(ct.toString())));
						byte[] body = http.body().stream().readAllBytes();
						consumer.accept(new Captured(response.target(), http.status(), headers, body, response.date()));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + f, ex);
			}
		}
	}
}
