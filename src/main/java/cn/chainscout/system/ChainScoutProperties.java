package cn.chainscout.system;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an operator can set, under {@code chainscout.*}.
 *
 * @param neo4j where the graph lives: an external server, or the embedded one
 * @param importing the bundled or configured data set and how it is loaded
 * @param search the enterprise library's search index
 * @param chains the industry chain files and the rule that rates chain nodes
 * @param home the home city: its region, carriers (开发区、园区、镇街) and the office's list of local firms
 * @param recommend how target recommendations are scored
 */
@ConfigurationProperties("chainscout")
public record ChainScoutProperties(@DefaultValue Neo4j neo4j, @DefaultValue Importing importing,
		@DefaultValue Search search, @DefaultValue Chains chains, @DefaultValue Home home,
		@DefaultValue Recommend recommend) {

	/**
	 * @param location the chain files: a directory, or {@code classpath:graph-schema/chains} for the bundled ones
	 * @param strongMinFirms a node is 强 with at least this many local firms, one of them 规上 …
	 * @param strongMinOutput … or with at least this total output value (万元)
	 * @param warmUp compute every chain's map and gaps in the background once ready and after each change
	 *        (false in the jar's commands)
	 */
	public record Chains(@DefaultValue("classpath:graph-schema/chains") String location,
			@DefaultValue("3") int strongMinFirms, @DefaultValue("100000") double strongMinOutput,
			@DefaultValue("true") boolean warmUp) {
	}

	/**
	 * @param region GB/T 2260 code of the home city (default 桐城市)
	 * @param name its name as shown to users
	 * @param carriers the carriers file (开发区、园区、镇、街道), CSV
	 * @param localFirms the list of local firms loaded on first start when none has been imported
	 *        (the bundled one is sample data); blank loads none
	 * @param referrers the list of referrers and their ties (以商招商) loaded on first start when none has
	 *        been imported (the bundled one is sample data); blank loads none
	 */
	public record Home(@DefaultValue("340881") String region, @DefaultValue("桐城市") String name,
			@DefaultValue("classpath:data/tongcheng/carriers.csv") String carriers,
			@DefaultValue("classpath:data/tongcheng/local-firms.sample.csv") String localFirms,
			@DefaultValue("classpath:data/tongcheng/referrers.sample.csv") String referrers) {
	}

	/**
	 * @param weights the weights of a target recommendation's parts
	 * @param warmUp compute every chain's candidates in the background once ready and after each
	 *        change (the jar's commands turn it off)
	 */
	public record Recommend(@DefaultValue Weights weights, @DefaultValue("true") boolean warmUp) {
	}

	/**
	 * Weights of the parts of a target's score; the score is their weighted sum, each part scaled 0..1.
	 *
	 * @param gap 补链 / 强链: makes products of a missing or weak link
	 * @param supply 配套: supplies a local firm's input or uses its output
	 * @param head 龙头: size proxy in those links
	 * @param region 区位: in the region the user prefers
	 * @param referral 引荐: a warm introduction path exists (its strength)
	 * @param signal 动态: recent investment signals (signings, expansions, financing…)
	 * @param followUp 跟进: the latest record is 有意向
	 */
	public record Weights(@DefaultValue("0.35") double gap, @DefaultValue("0.20") double supply,
			@DefaultValue("0.15") double head, @DefaultValue("0.10") double region, @DefaultValue("0.10") double referral,
			@DefaultValue("0.10") double signal, @DefaultValue("0.05") double followUp) {

		/** The documented defaults. */
		public static Weights defaults() {
			return new Weights(0.35, 0.20, 0.15, 0.10, 0.10, 0.10, 0.05);
		}

		public Weights {
			for (double w : new double[] { gap, supply, head, region, referral, signal, followUp }) {
				if (!(w >= 0 && w <= 1)) {
					throw new IllegalArgumentException("chainscout.recommend.weights.* 应在 0 到 1 之间，实际为 " + w);
				}
			}
		}
	}

	/**
	 * @param indexDir where the Lucene index of the enterprise library lives
	 * @param refreshMillis how often new writes become visible to searches
	 */
	public record Search(@DefaultValue("./var/search") Path indexDir, @DefaultValue("200") long refreshMillis) {
	}

	/**
	 * @param uri a {@code neo4j://} or {@code bolt://} URI; blank means "start the embedded database"
	 * @param user user name for the external server
	 * @param password password for the external server
	 * @param database the database name on the server
	 * @param dataDir where the embedded database keeps its files
	 * @param boltPort Bolt port of the embedded database on 127.0.0.1; 0 picks a free port
	 * @param pageCache page cache size of the embedded database, e.g. {@code 512m}
	 */
	public record Neo4j(@Nullable String uri, @DefaultValue("neo4j") String user, @Nullable String password,
			@DefaultValue("neo4j") String database, @DefaultValue("./var/neo4j") Path dataDir,
			@DefaultValue("0") int boltPort, @DefaultValue("512m") String pageCache) {

		public boolean embedded() {
			return uri == null || uri.isBlank();
		}
	}

	/**
	 * @param auto import the data set on start when the graph holds no complete import of it
	 * @param data the data set: a directory, or {@code classpath:} for the bundled one
	 * @param reportDir where import reports and rejected rows are written
	 * @param batchSize rows per write transaction
	 * @param writers write transactions run at once
	 */
	public record Importing(@DefaultValue("true") boolean auto, @DefaultValue("classpath:data/chainkg") String data,
			@DefaultValue("./var/reports") Path reportDir, @DefaultValue("10000") int batchSize,
			@DefaultValue("2") int writers) {
	}
}
