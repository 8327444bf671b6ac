package cn.chainscout.signal.internal;

import java.util.List;

import cn.chainscout.signal.SignalType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignalStoreTest {

	@Test
	void formerNamesAreReadFromTheImportsNameVariants() {
		assertThat(SignalStore.formerNames(List.of("骅威文化 / 骅威文化股份有限公司 / 深圳证券交易所 / 2010-11-17 @companies.jsonl:12",
				"鼎龙文化 / 鼎龙文化股份有限公司 / 深圳证券交易所 / 2010-11-17 @companies.jsonl:40")))
			.containsExactly("骅威文化", "骅威文化股份有限公司", "鼎龙文化", "鼎龙文化股份有限公司");
	}

	@Test
	void theKeyDependsOnlyOnPageFirmAndType() {
		String key = SignalStore.key("https://a.cn/1.html", "300750.SZ", SignalType.SIGNING);
		assertThat(key).hasSize(32).isEqualTo(SignalStore.key("https://a.cn/1.html", "300750.SZ", SignalType.SIGNING));
		assertThat(key).isNotEqualTo(SignalStore.key("https://a.cn/1.html", "300750.SZ", SignalType.INVESTMENT))
			.isNotEqualTo(SignalStore.key("https://a.cn/2.html", "300750.SZ", SignalType.SIGNING));
	}
}
