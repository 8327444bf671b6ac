// 招商地图: planned recruitment trips, kept so that a shared link keeps working.
CREATE CONSTRAINT tripmap_id_unique IF NOT EXISTS FOR (t:TripMap) REQUIRE t.id IS UNIQUE;
