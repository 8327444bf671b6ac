/**
 * The home city's own enterprises (本地企业) from the list the investment-promotion office keeps
 * (CSV or XLSX), and the city's carriers (开发区、园区、镇街) they sit in.
 */
@NullMarked
package cn.chainscout.localfirm;

import org.jspecify.annotations.NullMarked;
