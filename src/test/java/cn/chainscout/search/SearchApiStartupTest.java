package cn.chainscout.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.chainscout.support.TestGraph;
import cn.chainscout.system.StartupStatus;
import cn.chainscout.web.StillStartingException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The search API on a real, still empty index while the service starts, then after. */
class SearchApiStartupTest {

	@Test
	void anEmptyIndexDuringStartIsNotAnswerBut503ThenSearchesAsUsual() throws Exception {
		Path dir = Files.createTempDirectory("chainscout-search-start");
		try (EnterpriseIndex index = EnterpriseIndex.open(dir, 50)) {
			ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
			StartupStatus startup = new StartupStatus(availability);
			startup.phase("正在导入数据集 chainkg（第 7 步，本步 60%）");
			SearchApi api = new SearchApi(new EnterpriseSearch(index), startup);

			// Nothing declared the service ready yet, as during the start-up tasks.
			assertThatThrownBy(() -> api.search("宁德时代", null, null, null, null, null, null, null))
				.isInstanceOf(StillStartingException.class)
				.hasMessageContaining("正在导入数据集 chainkg（第 7 步，本步 60%）")
				.hasMessageContaining("还没有建好");
			// The suggestions under the search box too: none yet, and it says why.
			assertThatThrownBy(() -> api.suggest("宁德", null))
				.isInstanceOf(StillStartingException.class)
				.hasMessageContaining("还没有建好");

			index.index(List.of(EnterpriseSearchIT.fixture().get(0)));
			index.commit();
			String name = EnterpriseSearchIT.fixture().get(0).name();
			// Built while still starting: it answers.
			assertThat(api.search(name, null, null, null, null, null, null, null).total()).isEqualTo(1);
			assertThat(api.suggest(name.substring(0, 2), null).get("suggestions")).isNotEmpty();

			index.deleteAll();
			index.commit();
			availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
			// Once ready, an empty index is an answer: nothing found.
			assertThat(api.search(name, null, null, null, null, null, null, null).total()).isZero();
			assertThat(api.suggest(name.substring(0, 2), null).get("suggestions")).isEmpty();
		}
		finally {
			TestGraph.deleteRecursively(dir);
		}
	}
}
