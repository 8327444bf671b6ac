package cn.chainscout.signal;

import cn.chainscout.region.Gazetteer;
import cn.chainscout.signal.internal.Places;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlacesTest {

	static final Places PLACES = new Places(Gazetteer.load());

	static String place(String text, int maskFrom, int maskTo) {
		boolean[] mask = new boolean[text.length()];
		for (int i = maskFrom; i < maskTo; i++) {
			mask[i] = true;
		}
		return Places.best(PLACES.find(text, mask), 0, text.length()).map(p -> p.region().code()).orElse("none");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			项目落户桐城经开区                         | 340881
			在桐城经济技术开发区举行签约仪式           | 340881
			安庆市招商引资项目集中签约                 | 340800
			在合肥高新区建设研发中心                   | 340100
			项目位于安徽省安庆市桐城市双港镇           | 340881
			总部位于深圳的企业在合肥投资建厂           | 340100
			在苏州工业园区设立子公司                   | 320500
			在上海证券交易所主板上市                   | none
			入驻张江科学城                             | 310115
			在北京市朝阳区设立分公司                   | 110105
			在朝阳区设立分公司                         | none
			签约落户浙江省                             | 330000
			在吉林投资                                 | 220000
			雄安新区建设新基地                         | 130600
			安徽省与两家企业签署战略合作协议           | 340000
			阿里巴巴在杭州投资建设云计算中心           | 330100
			朝阳产业项目落户六安                       | 341500
			""")
	void readsThePlaceAsAGazetteerRegion(String text, String code) {
		assertThat(place(text, 0, 0)).isEqualTo(code);
	}

	@ParameterizedTest(name = "{0} with firm name masked → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			安徽合力在桐城投资       | 0 | 4 | 340881
			安徽合力宣布扩产         | 0 | 4 | none
			宁德时代发布公告         | 0 | 4 | none
			""")
	void placesInsideFirmNamesDoNotCount(String text, int from, int to, String code) {
		assertThat(place(text, from, to)).isEqualTo(code);
	}
}
