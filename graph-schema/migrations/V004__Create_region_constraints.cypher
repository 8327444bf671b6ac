// 行政区划: GB/T 2260 codes, province -> prefecture -> county.
CREATE CONSTRAINT region_code_unique IF NOT EXISTS FOR (r:Region) REQUIRE r.code IS UNIQUE;
CREATE INDEX region_name IF NOT EXISTS FOR (r:Region) ON (r.name);
