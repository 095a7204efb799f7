/**
 * The region tree of {@code regions.csv}: provinces, cities and counties with their economic
 * zones, checked for unknown parents, conflicting rows and cycles.
 */
package org.netmarket.region;
