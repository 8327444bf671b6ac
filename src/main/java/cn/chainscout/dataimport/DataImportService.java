package cn.chainscout.dataimport;

import java.util.Optional;

import cn.chainscout.graph.BatchWriter;
import cn.chainscout.graph.Graph;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.system.ChainScoutProperties;
import cn.chainscout.system.StartupStatus;
import cn.chainscout.search.EnterprisesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Runs imports and answers what the latest one reported. */
@Service
public class DataImportService {

	private final Graph graph;

	private final ChainScoutProperties properties;

	private final Gazetteer gazetteer = Gazetteer.load();

	private final NonProductRules nonProducts = NonProductRules.load();

	private final ApplicationEventPublisher events;

	private final StartupStatus startup;

	/** Outside a service (tests that import into their own graph): no start-up to report to. */
	public DataImportService(Graph graph, ChainScoutProperties properties, ApplicationEventPublisher events) {
		this(graph, properties, events, new StartupStatus(new org.springframework.boot.availability.ApplicationAvailabilityBean()));
	}

	@org.springframework.beans.factory.annotation.Autowired
	public DataImportService(Graph graph, ChainScoutProperties properties, ApplicationEventPublisher events, StartupStatus startup) {
		this.graph = graph;
		this.properties = properties;
		this.events = events;
		this.startup = startup;
	}

	Graph graph() {
		return graph;
	}

	public ImportReport importFrom(DataSetLocation location, BatchWriter.Progress progress) {
		return importFrom(location, progress, false);
	}

	/**
	 * @param naive write the plain way (a map per row, one batch at a time, always MERGE), the
	 *        baseline that benchmarks compare with
	 */
	public ImportReport importFrom(DataSetLocation location, BatchWriter.Progress progress, boolean naive) {
		int batchSize = properties.importing().batchSize();
		BatchWriter writer = naive ? BatchWriter.naive(graph, batchSize)
				: new BatchWriter(graph, batchSize, properties.importing().writers());
		var importer = new ChainKgImporter(graph, writer, gazetteer, nonProducts, progress);
		ImportReport report = importer.importFrom(location, properties.importing().reportDir());
		startup.phase("数据集 " + location.datasetId() + " 已导入，正在载入产业链并建立检索索引");
		events.publishEvent(EnterprisesChanged.everything());
		return report;
	}

	/** True when the data set's last import ran to the end. */
	public boolean isComplete(String datasetId) {
		return graph.read(tx -> tx.run("MATCH (d:Dataset {id: $id}) RETURN d.status = 'COMPLETE' AS done",
				java.util.Map.of("id", datasetId)).list()).stream().anyMatch(r -> r.get("done").asBoolean(false));
	}

	/**
	 * The latest import of any data set.
	 * @param dataset its id
	 * @param status COMPLETE or IMPORTING
	 * @param summary the human summary
	 * @param report the JSON report
	 */
	public record LatestImport(String dataset, String status, String summary, String report) {
	}

	/**
	 * True when the graph holds enterprises, however they came (an import, or another tool writing to an
	 * external server). Before that the chains, local firms and referrers have nothing to match
	 * against, so they wait for the import.
	 */
	public boolean hasEnterprises() {
		return graph.read(tx -> tx.run("MATCH (e:Enterprise) RETURN count(e) > 0 AS any").single().get("any").asBoolean());
	}

	/** Datasets that are the office's own lists (local firms, referrers), not imported data sets. */
	static final java.util.List<String> OFFICE_LISTS = java.util.List.of("local-firms", "referrers");

	public Optional<LatestImport> latest() {
		return graph.read(tx -> tx.run("""
				MATCH (d:Dataset) WHERE NOT d.id IN $officeLists
				RETURN d.id AS id, d.status AS status, coalesce(d.summary, '') AS summary, coalesce(d.report, '{}') AS report
				ORDER BY d.startedAt DESC LIMIT 1""", java.util.Map.of("officeLists", OFFICE_LISTS)).list())
			.stream()
			.findFirst()
			.map(r -> new LatestImport(r.get("id").asString(), r.get("status").asString(), r.get("summary").asString(),
					r.get("report").asString()));
	}

	public Gazetteer gazetteer() {
		return gazetteer;
	}
}
