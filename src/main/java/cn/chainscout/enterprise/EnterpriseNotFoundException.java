package cn.chainscout.enterprise;

/** No enterprise has the code asked for. */
public class EnterpriseNotFoundException extends RuntimeException {

	private final String code;

	public EnterpriseNotFoundException(String code) {
		super("没有代码为 " + code + " 的企业");
		this.code = code;
	}

	public String code() {
		return code;
	}
}
