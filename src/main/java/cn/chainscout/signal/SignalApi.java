package cn.chainscout.signal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import cn.chainscout.enterprise.EnterpriseCodes;
import cn.chainscout.region.Gazetteer;
import cn.chainscout.region.Region;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "招商信号", description = "从新闻中读出的企业动态：签约、投资、扩产、融资、拿地、中标、开工、投产、招聘")
class SignalApi {

	private final Signals signals;

	private final Gazetteer gazetteer = Gazetteer.load();

	SignalApi(Signals signals) {
		this.signals = signals;
	}

	@GetMapping("/api/v1/signals")
	@Operation(summary = "招商信号", description = "按事件日期从新到旧。enterprise：股票代码；type：SIGNING、INVESTMENT、EXPANSION、FINANCING、"
			+ "NEW_ENTITY、LAND、CONTRACT、CONSTRUCTION、PRODUCTION、HIRING 或 MENTION（也可用中文名，如 签约），不给时为全部事件、不含仅提及；"
			+ "region：行政区划代码或名称，含其下级区划；since：yyyy-MM-dd；review=true 时包含待核对的低置信度关联；page 从 1 开始，size 1–100。")
	SignalPage search(@RequestParam(required = false) @Nullable String enterprise, @RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable String since,
			@RequestParam(defaultValue = "false") boolean review, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (page < 1) {
			throw new IllegalArgumentException("参数 page 的值 '" + page + "' 无效：应不小于 1");
		}
		if (size < 1 || size > 100) {
			throw new IllegalArgumentException("参数 size 的值 '" + size + "' 无效：应在 1 到 100 之间");
		}
		return signals.search(new SignalQuery(enterprise(enterprise), type(type), region(region), since(since), review, page, size));
	}

	private static @Nullable String enterprise(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return EnterpriseCodes.check(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("参数 enterprise 的值 '" + abbreviate(value) + "' 无效：应为股票代码，如 300750.SZ");
		}
	}

	private static @Nullable SignalType type(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return SignalType.parse(value).orElseThrow(() -> new IllegalArgumentException("参数 type 的值 '" + abbreviate(value) + "' 无效：应为 "
				+ Arrays.stream(SignalType.values()).map(t -> t.name() + "（" + t.chinese() + "）").collect(Collectors.joining("、"))));
	}

	private @Nullable String region(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (gazetteer.byCode(v).isPresent()) {
			return v;
		}
		List<Region> named = gazetteer.all().stream().filter(r -> r.name().equals(v)).toList();
		if (named.size() == 1) {
			return named.get(0).code();
		}
		throw new IllegalArgumentException("参数 region 的值 '" + abbreviate(value) + "' 无效：" + (named.size() > 1
				? "有 " + named.size() + " 个同名行政区划，请用代码" : "应为行政区划代码（如 340800）或全称（如 安庆市）"));
	}

	private static @Nullable LocalDate since(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("参数 since 的值 '" + abbreviate(value) + "' 无效：应为日期 yyyy-MM-dd，如 2026-01-01");
		}
	}

	private static String abbreviate(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}
}
