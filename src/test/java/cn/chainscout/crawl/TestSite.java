package cn.chainscout.crawl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small news site served for real on 127.0.0.1, with everything a crawler must handle well: a
 * robots.txt with a Disallow and a Crawl-delay, a GBK page labelled only in its meta tag, a redirect,
 * a page that answers 503 with Retry-After once, one that times out once, one too large, one article under a second URL and as a print
 * version, an endless calendar, links and a redirect to internal addresses. Every request is logged.
 */
final class TestSite implements AutoCloseable {

	/** One request as the server saw it. */
	record Request(String path, long nanos, Map<String, List<String>> headers) {

		String header(String name) {
			List<String> v = headers.getOrDefault(name, List.of());
			return v.isEmpty() ? "" : v.get(0);
		}
	}

	static final String A1_TEXT = """
			<p>11月20日，桐城市与安徽鸿达包装科技有限公司签约年产3亿平方米绿色包装材料项目，项目总投资12.5亿元，选址桐城经济技术开发区新材料产业园。</p>
			<p>项目主要建设全自动高速瓦楞纸板生产线8条、水性油墨印刷生产线12条以及可降解复合软包装生产线，达产后可实现年产值18亿元、年纳税约9000万元。</p>
			<p>鸿达包装董事长陈建国表示，企业将把桐城基地建设成为华东区域总部，力争明年一季度开工建设。</p>
			""";

	static final String A2_V1 = """
			<p>11月18日，桐城经开区3个重点项目集中开工，总投资18.6亿元，其中安徽新锐汽车零部件有限公司新能源汽车精密压铸件项目投资9.2亿元。</p>
			<p>桐城市华科硅材料有限公司高纯石英砂提纯项目投资5.8亿元，建成后年产高纯石英砂5万吨，产品供应光伏坩埚和半导体企业。</p>
			<p>经开区今年新签约亿元以上项目27个，新开工项目19个，以商招商、链式招商成效明显。</p>
			""";

	static final String A2_V2 = A2_V1.replace("27个", "29个").replace("19个", "21个")
			+ "<p>更新：安徽康盾医疗器械有限公司医用防护用品扩产项目同日开工，新增生产线20条，总投资增至22.2亿元。</p>\n";

	static final String A3_TEXT = """
			<p>11月15日，安徽天康防护用品股份有限公司年产2亿只医用口罩扩产项目通过竣工验收，项目投资3.6亿元，新增全自动口罩生产线20条。</p>
			<p>扩产后企业年产能达到5亿只，产品出口欧盟和东南亚，预计年新增产值6亿元，新增就业岗位300个。</p>
			<p>市经信局负责人表示，将持续做好企业服务，支持安全健康防护产业链做大做强。</p>
			""";

	static final String FLAKY_TEXT = """
			<p>11月12日，桐城市在合肥举办2026年秋季产业链招商推介会，现场签约项目15个，协议引资52.6亿元，涉及绿色包装、机电装备和生态家纺等产业链。</p>
			<p>其中，浙江华瑞机电股份有限公司投资6.5亿元建设高效节能电机生产基地，安徽锦程家纺有限公司投资8亿元建设功能性家纺面料智能工厂。</p>
			<p>推介会上，市投资促进中心发布了重点产业链招商图谱和第一批招商项目清单。</p>
			""";

	static final String GBK_TEXT = """
			<p>11月20日，安徽喆远新材料科技有限公司年产5万吨生物基可降解材料项目在桐城经开区绿色包装产业园开工建设，项目总投资7.2亿元。</p>
			<p>项目主要产品为聚乳酸改性料、可降解膜袋和一次性环保餐具，主要供应园区内软包装和食品包装企业，一期计划于2027年10月建成投产。</p>
			<p>喆远新材料是开发区通过以商招商引进的项目，将进一步延伸绿色包装产业链上游的原材料环节。</p>
			""";

	private final HttpServer server;

	private final List<Request> requests = new ArrayList<>();

	private final AtomicInteger flakyCalls = new AtomicInteger();

	private final AtomicInteger slowCalls = new AtomicInteger();

	private final Map<String, Integer> answers = new ConcurrentHashMap<>();

	private final int otherPort;

	volatile String a2 = A2_V1;

	TestSite(int otherPort) throws IOException {
		this.otherPort = otherPort;
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
	}

	int port() {
		return server.getAddress().getPort();
	}

	String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	synchronized List<Request> requests() {
		return List.copyOf(requests);
	}

	List<String> paths() {
		return requests().stream().map(Request::path).toList();
	}

	private void handle(HttpExchange ex) throws IOException {
		String path = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
		synchronized (this) {
			requests.add(new Request(path, System.nanoTime(), Map.copyOf(ex.getRequestHeaders())));
		}
		String p = ex.getRequestURI().getPath();
		switch (p) {
			case "/robots.txt" -> send(ex, 200, "text/plain", """
					User-agent: *
					Disallow: /private/
					Crawl-delay: 0.25
					""");
			case "/" -> send(ex, 200, "text/html; charset=utf-8", page("桐城市新闻网", """
					<ul class="list">
					<li><a href="/news/list.html">政务要闻 新闻列表 第一页</a></li>
					<li><a href="/private/secret.html">内部资料 不公开的文件</a></li>
					<li><a href="/moved">天康防护扩产项目通过竣工验收</a></li>
					<li><a href="/flaky.html">秋季产业链招商推介会签约15个项目</a></li>
					<li><a href="/gbk.html">喆远新材料生物基可降解材料项目开工</a></li>
					<li><a href="/calendar?date=2026-11-01">活动日历 2026年11月</a></li>
					<li><a href="http://10.0.0.1/">内网办公系统 请勿访问</a></li>
					<li><a href="http://169.254.169.254/latest/meta-data">云服务器元数据 请勿访问</a></li>
					<li><a href="http://localhost:%d/">另一个本机服务 不应访问</a></li>
					<li><a href="/go-meta">跳转到元数据地址的链接</a></li>
					<li><a href="/news/a1.html;jsessionid=0A1B2C3D">鸿达包装签约 带会话编号的链接</a></li>
					<li><a href="/big.html">超大的页面 两兆字节的附件</a></li>
					<li><a href="/slow.html">响应很慢的页面 第一次超时</a></li>
					</ul>""".formatted(otherPort)));
			case "/news/list.html" -> send(ex, 200, "text/html; charset=utf-8", page("政务要闻", """
					<ul class="list">
					<li><a href="/news/a1.html">我市与鸿达包装签约年产3亿平方米绿色包装材料项目</a></li>
					<li><a href="/news/a2.html">桐城经开区3个重点项目集中开工 总投资18.6亿元</a></li>
					<li><a href="/zt/2026/a1.html">专题：鸿达包装签约绿色包装材料项目（转载）</a></li>
					<li><a href="/print/a1.html?id=a1">打印版：鸿达包装签约绿色包装材料项目</a></li>
					<li><a href="/news/list.html?page=2&sid=77">下一页 更多政务要闻</a></li>
					</ul>"""));
			case "/news/a1.html" -> {
				if ("\"a1-v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
					answers.merge(p + " 304", 1, Integer::sum);
					ex.sendResponseHeaders(304, -1);
					ex.close();
				}
				else {
					ex.getResponseHeaders().add("ETag", "\"a1-v1\"");
					send(ex, 200, "text/html; charset=utf-8", article("我市与安徽鸿达包装科技有限公司签约年产3亿平方米绿色包装材料项目", "2026-11-20", A1_TEXT));
				}
			}
			case "/news/a2.html" -> {
				ex.getResponseHeaders().add("Last-Modified", "Wed, 18 Nov 2026 08:00:00 GMT");
				send(ex, 200, "text/html; charset=utf-8", article("桐城经开区3个重点项目集中开工 总投资18.6亿元", "2026-11-18", a2));
			}
			case "/news/a3.html" -> send(ex, 200, "text/html; charset=utf-8",
					article("安徽天康防护用品股份有限公司扩产项目通过竣工验收", "2026-11-15", A3_TEXT));
			case "/zt/2026/a1.html" -> send(ex, 200, "text/html; charset=utf-8", """
					<html><head><title>专题报道：鸿达包装签约 - 桐城市新闻网</title></head><body>
					<div class="topnav"><a href="/">返回首页</a></div>
					<div class="zt"><h2>我市与安徽鸿达包装科技有限公司签约年产3亿平方米绿色包装材料项目</h2>
					<div class="zt-body">%s</div></div>
					<div class="foot">专题报道 版权所有</div></body></html>""".formatted(A1_TEXT));
			case "/print/a1.html" -> send(ex, 200, "text/html; charset=utf-8", """
					<html><head><title>我市与安徽鸿达包装科技有限公司签约年产3亿平方米绿色包装材料项目</title></head><body onload="window.print()">
					<h1>我市与安徽鸿达包装科技有限公司签约年产3亿平方米绿色包装材料项目</h1><p>发布时间：2026-11-20</p>
					%s<p>【打印本页】【关闭窗口】</p></body></html>""".formatted(A1_TEXT));
			case "/moved" -> redirect(ex, 301, "/news/a3.html");
			case "/big.html" -> send(ex, 200, "text/html; charset=utf-8", "<html><body>" + "招商".repeat(600_000) + "</body></html>");
			case "/slow.html" -> {
				if (slowCalls.getAndIncrement() == 0) {
					try {
						Thread.sleep(1500);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
				}
				send(ex, 200, "text/html; charset=utf-8", page("慢页面", "<p>这一页第一次响应很慢。</p>"));
			}
			case "/go-meta" -> redirect(ex, 302, "http://169.254.169.254/latest/meta-data");
			case "/flaky.html" -> {
				if (flakyCalls.getAndIncrement() == 0) {
					ex.getResponseHeaders().add("Retry-After", "1");
					send(ex, 503, "text/html; charset=utf-8", "<html><body>服务器繁忙，请稍后再试</body></html>");
				}
				else {
					send(ex, 200, "text/html; charset=utf-8", article("桐城市2026年秋季产业链招商推介会在合肥举行", "2026-11-12", FLAKY_TEXT));
				}
			}
			case "/gbk.html" -> {
				String html = """
						<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
						<title>安徽喆远新材料年产5万吨生物基可降解材料项目开工_桐城市新闻网</title></head>
						<body><div class="nav"><a href="/">首页</a></div>
						<h1>安徽喆远新材料年产5万吨生物基可降解材料项目开工</h1><div class="info">发布时间：2026年11月20日</div>
						<div class="content">%s</div><div class="footer">桐城市新闻网 版权所有</div></body></html>""".formatted(GBK_TEXT);
				send(ex, 200, "text/html", html, Charset.forName("GBK"));
			}
			case "/calendar" -> {
				String q = ex.getRequestURI().getQuery();
				LocalDate d = LocalDate.parse(q == null ? "2026-11-01" : q.replace("date=", ""));
				send(ex, 200, "text/html; charset=utf-8", page("活动日历 " + d, """
						<p>%s 没有活动</p><a href="/calendar?date=%s">后一天</a> <a href="/calendar?date=%s">前一天</a>"""
					.formatted(d, d.plusDays(1), d.minusDays(1))));
			}
			default -> send(ex, 404, "text/html; charset=utf-8", "<html><body>页面不存在</body></html>");
		}
	}

	private static String page(String title, String body) {
		return "<html><head><title>" + title + "</title></head><body><div class=\"header\"><a href=\"/\">首页</a></div>" + body
				+ "<div class=\"footer\">桐城市新闻网 版权所有 皖ICP备05001234号</div></body></html>";
	}

	private static String article(String title, String date, String text) {
		return """
				<html><head><title>%s_桐城市新闻网</title></head><body>
				<div class="header"><a href="/">首页</a> <a href="/news/list.html">政务要闻</a></div>
				<div class="detail"><h1>%s</h1><div class="info">发布时间：%s 来源：桐城市新闻网</div>
				<div id="zoom">%s</div></div>
				<div class="relate"><a href="/news/list.html">返回政务要闻列表</a></div>
				<div class="footer">桐城市新闻网 版权所有</div></body></html>""".formatted(title, title, date, text);
	}

	private static void redirect(HttpExchange ex, int status, String location) throws IOException {
		ex.getResponseHeaders().add("Location", location);
		ex.sendResponseHeaders(status, -1);
		ex.close();
	}

	private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
		send(ex, status, type, body, StandardCharsets.UTF_8);
	}

	private static void send(HttpExchange ex, int status, String type, String body, Charset charset) throws IOException {
		byte[] bytes = body.getBytes(charset);
		ex.getResponseHeaders().add("Content-Type", type);
		ex.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = ex.getResponseBody()) {
			out.write(bytes);
		}
	}

	int answered(String what) {
		return answers.getOrDefault(what, 0);
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
