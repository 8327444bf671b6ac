// 企业: one node per stock code (or, later, unified social credit code).
CREATE CONSTRAINT enterprise_code_unique IF NOT EXISTS FOR (e:Enterprise) REQUIRE e.code IS UNIQUE;
CREATE INDEX enterprise_name IF NOT EXISTS FOR (e:Enterprise) ON (e.name);
