// 数据来源: one node per version of a source file; facts point to it with their `src` property.
CREATE CONSTRAINT source_id_unique IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
