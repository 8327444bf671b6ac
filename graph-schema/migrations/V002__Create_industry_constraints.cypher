// 行业: Shenwan 2021 classification, three levels, keyed by its 6-digit code.
CREATE CONSTRAINT industry_code_unique IF NOT EXISTS FOR (i:Industry) REQUIRE i.code IS UNIQUE;
