package cn.chainscout.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The chain files of a location: a directory ({@code /etc/chainscout/chains}) or a classpath folder
 * ({@code classpath:graph-schema/chains}), every {@code *.yaml} / {@code *.yml} in it, by name.
 */
public final class ChainFiles {

	/** A file's name, content and hash. */
	public record File(String name, String content, String sha256) {
	}

	private ChainFiles() {
	}

	public static List<File> list(String location) {
		List<File> files = new ArrayList<>();
		try {
			if (location.startsWith("classpath:")) {
				String folder = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
				var resolver = new PathMatchingResourcePatternResolver(ChainFiles.class.getClassLoader());
				for (String ext : List.of("yaml", "yml")) {
					for (Resource r : resolver.getResources("classpath*:" + folder + "/*." + ext)) {
						try (InputStream in = r.getInputStream()) {
							files.add(file(r.getFilename(), in.readAllBytes()));
						}
					}
				}
			}
			else {
				Path dir = Path.of(location);
				if (!Files.isDirectory(dir)) {
					throw new IllegalArgumentException("产业链文件目录不存在：" + dir.toAbsolutePath() + "（chainscout.chains.location）");
				}
				try (Stream<Path> paths = Files.list(dir)) {
					for (Path p : paths.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).toList()) {
						files.add(file(p.getFileName().toString(), Files.readAllBytes(p)));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read chain files from " + location, ex);
		}
		files.sort(java.util.Comparator.comparing(File::name));
		return files;
	}

	static File file(String name, byte[] bytes) {
		return new File(name, new String(bytes, java.nio.charset.StandardCharsets.UTF_8), sha256(bytes));
	}

	static String sha256(byte[] bytes) {
		return cn.chainscout.graph.Sources.sha256(bytes);
	}
}
