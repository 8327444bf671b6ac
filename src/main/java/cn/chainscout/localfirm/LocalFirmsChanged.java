package cn.chainscout.localfirm;

/** Published after the office's local-firm list was imported: what depends on local firms reads them again. */
public record LocalFirmsChanged(String file) {
}
