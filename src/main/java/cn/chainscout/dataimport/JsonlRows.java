package cn.chainscout.dataimport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON Lines file of a data set row by row. A line that is not a JSON object, or lacks a
 * required field, or has one of the wrong type, becomes a {@link Reject} naming file and line, and
 * reading goes on.
 */
final class JsonlRows {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonlRows() {
	}

	/** One parsed line; {@link #text} and friends throw {@link BadRow} with a reason. */
	record Row(String file, long line, String raw, JsonNode node) {

		String text(String field) {
			JsonNode value = node.get(field);
			if (value == null) {
				throw new BadRow("missing field", "'" + field + "' is absent");
			}
			if (!value.isString()) {
				throw new BadRow("wrong type", "'" + field + "' must be a string, was " + describe(value));
			}
			String s = value.stringValue();
			if (s.isEmpty()) {
				throw new BadRow("missing field", "'" + field + "' is empty");
			}
			return s;
		}

		/** A string field that may be null or absent; a present non-string is still an error. */
		String optionalText(String field) {
			JsonNode value = node.get(field);
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isString()) {
				throw new BadRow("wrong type", "'" + field + "' must be a string or null, was " + describe(value));
			}
			String s = value.stringValue();
			return s.isBlank() ? null : s;
		}

		double number(String field) {
			JsonNode value = node.get(field);
			if (value == null) {
				throw new BadRow("missing field", "'" + field + "' is absent");
			}
			if (!value.isNumber()) {
				throw new BadRow("wrong type", "'" + field + "' must be a number, was " + describe(value));
			}
			return value.doubleValue();
		}

		Reject reject(String reason, String detail) {
			return new Reject(file, line, reason, detail, raw);
		}

		private static String describe(JsonNode value) {
			String shown = value.toString();
			return value.getNodeType().name().toLowerCase() + " " + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown);
		}
	}

	/** A row whose content is unusable; the message is the reason. */
	static final class BadRow extends RuntimeException {

		final String reason;

		BadRow(String reason, String detail) {
			super(detail, null, false, false);
			this.reason = reason;
		}
	}

	/**
	 * @param rows non-blank lines read
	 * @param sha256 hex digest of the file's bytes (decompressed), which identifies its version
	 */
	record Read(long rows, String sha256) {
	}

	/**
	 * Calls {@code rows} for each well-formed object line, {@code rejects} for the others; blank lines
	 * are skipped. A {@link BadRow} thrown by {@code rows} becomes a reject too.
	 */
	static Read read(DataSetLocation location, String file, Consumer<Row> rows, Consumer<Reject> rejects) {
		long lineNo = 0;
		long read = 0;
		MessageDigest digest = sha256();
		try (var reader = new BufferedReader(new InputStreamReader(new DigestInputStream(location.open(file), digest), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lineNo++;
				if (line.isBlank()) {
					continue;
				}
				read++;
				JsonNode node;
				try {
					node = JSON.readTree(line);
				}
				catch (JacksonException ex) {
					rejects.accept(new Reject(file, lineNo, "malformed JSON", firstLine(ex.getOriginalMessage()), line));
					continue;
				}
				if (node == null || !node.isObject()) {
					rejects.accept(new Reject(file, lineNo, "malformed JSON", "not a JSON object", line));
					continue;
				}
				Row row = new Row(file, lineNo, line, node);
				try {
					rows.accept(row);
				}
				catch (BadRow ex) {
					rejects.accept(row.reject(ex.reason, ex.getMessage()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取 " + location.describe() + " 中的 " + file + "，第 " + lineNo + " 行", ex);
		}
		return new Read(read, HexFormat.of().formatHex(digest.digest()));
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String firstLine(String message) {
		int nl = message.indexOf('\n');
		return nl < 0 ? message : message.substring(0, nl);
	}
}
