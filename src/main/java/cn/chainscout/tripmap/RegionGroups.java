package cn.chainscout.tripmap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.chainscout.localfirm.TableRows;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.region.Region;
import org.springframework.stereotype.Component;

/**
 * Named groups of regions a trip can go to (长三角, 珠三角, 京津冀…), read from
 * {@code graph-schema/vocabulary/region-groups.csv}; each member must be a gazetteer region.
 */
@Component
public class RegionGroups {

	static final String RESOURCE = "graph-schema/vocabulary/region-groups.csv";

	/** A group and its member regions. */
	public record Group(String name, List<String> members) {
	}

	private final Map<String, List<Region>> groups = new LinkedHashMap<>();

	public RegionGroups() {
		Gazetteer gazetteer = Gazetteer.load();
		byte[] bytes;
		try (InputStream in = RegionGroups.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
			}
			bytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (TableRows.Row row : TableRows.read("region-groups.csv", bytes).rows()) {
			String group = row.cells().getOrDefault("group", "").strip();
			String region = row.cells().getOrDefault("region", "").strip();
			Region r = gazetteer.find(region)
				.orElseThrow(() -> new IllegalStateException(RESOURCE + " line " + row.line() + ": unknown region '" + region + "'"));
			groups.computeIfAbsent(group, k -> new ArrayList<>()).add(r);
		}
	}

	public Optional<List<Region>> members(String name) {
		return Optional.ofNullable(groups.get(name)).map(List::copyOf);
	}

	public List<String> names() {
		return List.copyOf(groups.keySet());
	}

	public List<Group> all() {
		return groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue().stream().map(Region::name).toList())).toList();
	}
}
