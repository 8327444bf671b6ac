package cn.chainscout.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.chainscout.crawl.internal.Charsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Saved pages under {@code src/test/resources/crawl/} and the shipped source files, read as the crawler reads them. */
public final class SavedPages {

	private SavedPages() {
	}

	public static byte[] bytes(String path) {
		try (InputStream in = SavedPages.class.getResourceAsStream("/crawl/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("No saved page " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A saved page decoded as if served with a bare {@code text/html} (charset from the page itself). */
	public static Document page(String path, String url) {
		return Jsoup.parse(Charsets.decode(bytes(path), "text/html"), url);
	}

	public static SourceDefinition source(String id) {
		try {
			String file = id + ".yaml";
			SourceFileReader.Result r = SourceFileReader.read(file,
					Files.readString(Path.of("crawlers", file), StandardCharsets.UTF_8));
			if (r.definition() == null) {
				throw new IllegalStateException(r.problems().toString());
			}
			return r.definition();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
