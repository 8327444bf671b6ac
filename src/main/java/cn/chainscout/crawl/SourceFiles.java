package cn.chainscout.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads every {@code *.yaml} source file of a directory or classpath folder, by name. */
final class SourceFiles {

	private SourceFiles() {
	}

	static List<SourceFileReader.Result> read(String location) {
		List<SourceFileReader.Result> results = new ArrayList<>();
		try {
			if (location.startsWith("classpath:")) {
				String folder = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
				var resolver = new PathMatchingResourcePatternResolver(SourceFiles.class.getClassLoader());
				for (String ext : List.of("yaml", "yml")) {
					for (Resource r : resolver.getResources("classpath*:" + folder + "/*." + ext)) {
						try (InputStream in = r.getInputStream()) {
							results.add(SourceFileReader.read(String.valueOf(r.getFilename()), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
						}
					}
				}
			}
			else {
				Path dir = Path.of(location);
				if (!Files.isDirectory(dir)) {
					results.add(new SourceFileReader.Result(null,
							List.of(new SourceProblem(location, 0, "来源目录不存在：" + dir.toAbsolutePath() + "（chainscout.crawl.sources）"))));
					return results;
				}
				try (Stream<Path> paths = Files.list(dir)) {
					for (Path p : paths.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).toList()) {
						results.add(SourceFileReader.read(p.getFileName().toString(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8)));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read source files from " + location, ex);
		}
		results.sort(Comparator.comparing(r -> r.definition() != null ? r.definition().file()
				: r.problems().isEmpty() ? "" : r.problems().get(0).file()));
		return results;
	}
}
