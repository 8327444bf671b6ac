// 招商信号: what crawled articles say enterprises did. One node per page, firm and type.
CREATE CONSTRAINT signal_key_unique IF NOT EXISTS FOR (s:Signal) REQUIRE s.key IS UNIQUE;
// A changed page replaces the signals of its URL.
CREATE INDEX signal_url IF NOT EXISTS FOR (s:Signal) ON (s.url);
// The API and the enterprise page list a firm's signals, newest first.
CREATE INDEX signal_enterprise_date IF NOT EXISTS FOR (s:Signal) ON (s.enterprise, s.date);
CREATE INDEX signal_date IF NOT EXISTS FOR (s:Signal) ON (s.date);
