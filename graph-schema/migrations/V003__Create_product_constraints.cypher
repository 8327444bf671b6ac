// 产品: keyed by the exact name the source gives; non-products are flagged, never deleted.
CREATE CONSTRAINT product_name_unique IF NOT EXISTS FOR (p:Product) REQUIRE p.name IS UNIQUE;
