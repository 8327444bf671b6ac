// 数据集: one node per imported data set, holding its import status and latest quality report.
CREATE CONSTRAINT dataset_id_unique IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE;
