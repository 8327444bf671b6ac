package cn.chainscout.signal.internal;

import java.util.List;

/**
 * The names an enterprise goes by, as the graph holds them.
 *
 * @param code stock code, e.g. 300750.SZ
 * @param name short name (简称)
 * @param fullName registered full name (全称)
 * @param formerNames other short and full names the sources gave (曾用名, conflicting rows)
 */
public record EnterpriseName(String code, String name, String fullName, List<String> formerNames) {
}
