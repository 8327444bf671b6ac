/**
 * Investment maps for recruitment trips (招商地图): targets, referrers and a route through the
 * destination regions, with Excel, GeoJSON, KML and print exports.
 */
@NullMarked
package cn.chainscout.tripmap;

import org.jspecify.annotations.NullMarked;
