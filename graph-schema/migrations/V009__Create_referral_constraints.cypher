// 以商招商: referrers (引荐人: people, 商会, 协会, 中介, 基金, 高校院所) and the project ledger (项目台账)
// whose landed projects credit the referrers who opened the door (项目引荐人奖励).
CREATE CONSTRAINT referrer_key_unique IF NOT EXISTS FOR (r:Referrer) REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT project_id_unique IF NOT EXISTS FOR (p:Project) REQUIRE p.id IS UNIQUE;
CREATE INDEX project_enterprise IF NOT EXISTS FOR (p:Project) ON (p.enterprise);
