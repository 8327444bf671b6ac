package cn.chainscout.crawl;

import java.util.List;

import cn.chainscout.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/crawls")
class CrawlApi {

	private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	private final CrawlService crawls;

	private final CrawlSchedule schedule;

	CrawlApi(CrawlService crawls, CrawlSchedule schedule) {
		this.crawls = crawls;
		this.schedule = schedule;
	}

	@Operation(summary = "临时抓取：给出起始网址和允许的主机（通用文章模式），返回抓取编号；状态见 GET /api/v1/crawls/{id}")
	@PostMapping
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
			mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CrawlRequest.class)))
	ResponseEntity<CrawlStatus> start(@RequestBody(required = false) @Nullable String body) {
		return ResponseEntity.accepted().body(crawls.start(request(body)));
	}

	@Operation(summary = "最近的抓取任务，新的在前")
	@GetMapping
	List<CrawlStatus> list() {
		return crawls.list();
	}

	@Operation(summary = "抓取任务的状态：QUEUED、RUNNING、FINISHED 或 FAILED，已抓页数、跳过（及原因）、错误、找到的信号数")
	@GetMapping("/{id}")
	CrawlStatus status(@PathVariable String id) {
		return crawls.status(id).orElseThrow(() -> new NotFoundException("没有编号为 '" + id + "' 的抓取任务"));
	}

	@Operation(summary = "抓取来源（crawlers/*.yaml）及其问题（文件和行号）")
	@GetMapping("/sources")
	List<SourceStatus> sources() {
		return crawls.sources();
	}

	@Operation(summary = "重新读取来源文件；有错误的文件不载入并报告行号")
	@PostMapping("/sources/reload")
	List<SourceStatus> reload() {
		List<SourceStatus> sources = crawls.reloadSources();
		schedule.reschedule();
		return sources;
	}

	@Operation(summary = "立即抓取一个来源（已在抓取时返回正在进行的任务）")
	@PostMapping("/sources/{sourceId}")
	ResponseEntity<CrawlStatus> crawlSource(@PathVariable String sourceId) {
		return ResponseEntity.accepted().body(crawls.crawlSource(sourceId));
	}

	@Operation(summary = "用保存的原始网页重新抽取文章并交给信号抽取，不重新抓取")
	@PostMapping("/sources/{sourceId}/reextract")
	ResponseEntity<CrawlStatus> reextract(@PathVariable String sourceId) {
		return ResponseEntity.accepted().body(crawls.reextract(sourceId));
	}

	/** The body read here, so a malformed one gets a 400 that names the field, not a 500. */
	static CrawlRequest request(@Nullable String body) {
		if (body == null || body.isBlank()) {
			throw new IllegalArgumentException("请求体不能为空：应是 JSON，例如 {\"seeds\": [\"https://www.tongcheng.gov.cn/\"], "
					+ "\"allowedHosts\": [\"www.tongcheng.gov.cn\"], \"maxPages\": 50}");
		}
		try {
			return JSON.readValue(body, CrawlRequest.class);
		}
		catch (tools.jackson.databind.exc.UnrecognizedPropertyException ex) {
			throw new IllegalArgumentException("不认识的参数 '" + ex.getPropertyName() + "'，可用的参数：seeds、allowedHosts、maxPages、maxDepth、delayMillis");
		}
		catch (tools.jackson.databind.exc.MismatchedInputException ex) {
			String field = ex.getPath().isEmpty() ? "请求体" : ex.getPath().get(0).getPropertyName();
			throw new IllegalArgumentException("参数 " + field + " 的值类型不对：seeds 和 allowedHosts 应是文字列表，maxPages、maxDepth、delayMillis 应是整数");
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("请求体不是有效的 JSON：" + ex.getOriginalMessage());
		}
	}
}
