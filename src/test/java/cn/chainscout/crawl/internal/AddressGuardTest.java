package cn.chainscout.crawl.internal;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressGuardTest {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			127.0.0.1          | 回环地址
			127.255.3.9        | 回环地址
			10.0.0.1           | 内网地址
			10.255.255.255     | 内网地址
			172.16.0.1         | 内网地址
			172.31.255.254     | 内网地址
			192.168.1.10       | 内网地址
			169.254.169.254    | 云元数据地址
			169.254.0.7        | 链路本地地址
			100.64.0.1         | 运营商级 NAT 地址
			100.127.255.254    | 运营商级 NAT 地址
			0.0.0.0            | 未指定地址
			224.0.0.1          | 组播或保留地址
			::1                | 回环地址
			::                 | 未指定地址
			fe80::1            | 链路本地地址
			fc00::1            | IPv6 唯一本地地址
			fd12:3456::1       | IPv6 唯一本地地址
			::ffff:10.1.2.3    | 内网地址
			::ffff:169.254.169.254 | 云元数据地址
			""")
	void internalAddresses(String address, String kind) throws Exception {
		assertThat(AddressGuard.internal(InetAddress.getByName(address))).contains(kind);
	}

	@ParameterizedTest(name = "{0} is public")
	@CsvSource(textBlock = """
			8.8.8.8
			172.15.255.255
			172.32.0.1
			192.169.0.1
			100.63.255.255
			100.128.0.1
			169.253.1.1
			60.174.83.21
			2400:3200::1
			""")
	void publicAddresses(String address) throws Exception {
		assertThat(AddressGuard.internal(InetAddress.getByName(address))).isEmpty();
	}

	@ParameterizedTest(name = "{0} with allowedHosts {1}: refused={2}")
	@CsvSource(delimiter = '|', textBlock = """
			http://localhost:8123/a          | *.tongcheng.gov.cn     | true
			http://localhost:8123/a          | localhost:8123         | false
			http://localhost:8123/a          | localhost:9999         | true
			http://localhost:8123/a          | localhost              | false
			http://127.0.0.1:8123/a          | 127.0.0.1:8123         | false
			http://127.0.0.1:8124/a          | 127.0.0.1:8123         | true
			http://10.0.0.1/                 | www.tongcheng.gov.cn   | true
			http://169.254.169.254/latest/meta-data | *.amazonaws.com | true
			""")
	void exactHostAllowanceOnly(String url, String allowed, boolean refused) {
		assertThat(new AddressGuard().refuse(url, new HostScope(List.of(allowed))).isPresent()).isEqualTo(refused);
	}

	@Test
	void aPublicNameThatResolvesToAnInternalAddressIsRefused() {
		// What DNS rebinding or a hostile record looks like: a name in scope, an address inside.
		AddressGuard guard = new AddressGuard(host -> new InetAddress[] { InetAddress.getByName("8.8.8.8"),
				InetAddress.getByName("192.168.0.5") });
		assertThat(guard.refuse("https://news.example.cn/a", new HostScope(List.of("*.example.cn")))).get()
			.asString()
			.contains("内网地址");
		assertThat(guard.refuse("https://news.example.cn/a", new HostScope(List.of("news.example.cn")))).isEmpty();
	}

	@ParameterizedTest(name = "scope {1} allows {0}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			https://www.tongcheng.gov.cn/a   | www.tongcheng.gov.cn   | true
			https://tongcheng.gov.cn/a       | www.tongcheng.gov.cn   | false
			https://kfq.tongcheng.gov.cn/a   | *.tongcheng.gov.cn     | true
			https://tongcheng.gov.cn/a       | *.tongcheng.gov.cn     | true
			https://eviltongcheng.gov.cn/a   | *.tongcheng.gov.cn     | false
			http://127.0.0.1:8123/a          | 127.0.0.1:8123         | true
			http://127.0.0.1:8124/a          | 127.0.0.1:8123         | false
			http://127.0.0.1/a               | 127.0.0.1:80           | true
			""")
	void scope(String url, String entry, boolean allowed) {
		assertThat(new HostScope(List.of(entry)).allows(url)).isEqualTo(allowed);
	}
}
