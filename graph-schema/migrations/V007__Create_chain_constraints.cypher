// 产业链: chains, their nodes (环节), the home city's carriers (开发区/园区/镇街) and local firms (本地企业).
CREATE CONSTRAINT chain_id_unique IF NOT EXISTS FOR (c:Chain) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT chain_node_key_unique IF NOT EXISTS FOR (n:ChainNode) REQUIRE n.key IS UNIQUE;
CREATE INDEX chain_node_chain IF NOT EXISTS FOR (n:ChainNode) ON (n.chain);
CREATE CONSTRAINT carrier_key_unique IF NOT EXISTS FOR (c:Carrier) REQUIRE c.key IS UNIQUE;
CREATE CONSTRAINT local_firm_key_unique IF NOT EXISTS FOR (f:LocalFirm) REQUIRE f.key IS UNIQUE;
