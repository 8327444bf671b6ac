// 招商信号: what crawled articles say enterprises did. One node per page, firm and type.
CREATE CONSTRAINT signal_key_unique IF NOT EXISTS FOR (s:Signal) REQUIRE s.key IS UNIQUE;
// A changed page replaces the signals of its URL.
CREATE INDEX signal_url IF NOT EXISTS FOR (s:Signal) ON (s.url);
// The API, the enterprise page and the recommendations list a firm's signals.
CREATE INDEX signal_enterprise IF NOT EXISTS FOR (s:Signal) ON (s.enterprise);
// since= filters by event date.
CREATE INDEX signal_date IF NOT EXISTS FOR (s:Signal) ON (s.date);
