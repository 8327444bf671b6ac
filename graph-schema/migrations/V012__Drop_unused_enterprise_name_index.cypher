// 企业简称: names are searched through the Lucene index (search/), never looked up by a Cypher match on
// Enterprise.name, so the range index V001 created only cost every enterprise write and half of the
// index building after a large import.
DROP INDEX enterprise_name IF EXISTS;
