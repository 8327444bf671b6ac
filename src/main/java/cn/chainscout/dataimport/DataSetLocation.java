package cn.chainscout.dataimport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;

/**
 * Where a data set's files are: a directory on disk, or the copy bundled inside the jar
 * ({@code classpath:data/chainkg}). Each file may be plain ({@code companies.jsonl}) or gzipped
 * ({@code companies.jsonl.gz}).
 */
public final class DataSetLocation {

	private static final String CLASSPATH = "classpath:";

	private final String spec;

	private final @Nullable Path directory;

	private DataSetLocation(String spec, @Nullable Path directory) {
		this.spec = spec;
		this.directory = directory;
	}

	/** @param spec a directory, or {@code classpath:<path>} */
	public static DataSetLocation of(String spec) {
		if (spec.startsWith(CLASSPATH)) {
			String path = spec.substring(CLASSPATH.length()).replaceFirst("^/", "");
			if (DataSetLocation.class.getClassLoader().getResource(path + "/companies.jsonl.gz") == null
					&& DataSetLocation.class.getClassLoader().getResource(path + "/companies.jsonl") == null) {
				throw new IllegalArgumentException("数据集 " + spec + " 不存在（那里没有 companies.jsonl 或 companies.jsonl.gz）");
			}
			return new DataSetLocation(CLASSPATH + path, null);
		}
		Path dir = Path.of(spec).toAbsolutePath().normalize();
		if (!Files.isDirectory(dir)) {
			throw new IllegalArgumentException("数据目录 " + dir + " 不存在或不是目录");
		}
		return new DataSetLocation(dir.toString(), dir);
	}

	/** A short id for provenance: the directory's name, e.g. {@code chainkg}. */
	public String datasetId() {
		String s = spec.replaceAll("[/\\\\]+$", "");
		return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf(':')) + 1);
	}

	public String describe() {
		return spec;
	}

	public boolean has(String fileName) {
		if (directory != null) {
			return Files.isRegularFile(directory.resolve(fileName))
					|| Files.isRegularFile(directory.resolve(fileName + ".gz"));
		}
		String path = spec.substring(CLASSPATH.length());
		ClassLoader loader = DataSetLocation.class.getClassLoader();
		return loader.getResource(path + "/" + fileName) != null || loader.getResource(path + "/" + fileName + ".gz") != null;
	}

	/** Opens a file of the set, decompressing it when only the {@code .gz} copy exists. */
	public InputStream open(String fileName) {
		try {
			if (directory != null) {
				Path plain = directory.resolve(fileName);
				if (Files.isRegularFile(plain)) {
					return new BufferedInputStream(Files.newInputStream(plain), 1 << 16);
				}
				Path gz = directory.resolve(fileName + ".gz");
				if (Files.isRegularFile(gz)) {
					return new GZIPInputStream(Files.newInputStream(gz), 1 << 16);
				}
			}
			else {
				String path = spec.substring(CLASSPATH.length());
				ClassLoader loader = DataSetLocation.class.getClassLoader();
				InputStream plain = loader.getResourceAsStream(path + "/" + fileName);
				if (plain != null) {
					return new BufferedInputStream(plain, 1 << 16);
				}
				InputStream gz = loader.getResourceAsStream(path + "/" + fileName + ".gz");
				if (gz != null) {
					return new GZIPInputStream(gz, 1 << 16);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法读取数据集 " + spec + " 中的 " + fileName, ex);
		}
		throw new IllegalArgumentException("数据集 " + spec + " 缺少文件 " + fileName + "（或 " + fileName + ".gz）");
	}
}
