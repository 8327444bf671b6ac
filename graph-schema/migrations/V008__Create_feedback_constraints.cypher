// 跟进记录: what recruiters say about a recommended target (有意向 / 已接触 / 不合适).
CREATE CONSTRAINT feedback_id_unique IF NOT EXISTS FOR (f:Feedback) REQUIRE f.id IS UNIQUE;
CREATE INDEX feedback_chain IF NOT EXISTS FOR (f:Feedback) ON (f.chain);
