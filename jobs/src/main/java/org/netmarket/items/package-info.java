/**
 * One small class per computed item ({@link org.netmarket.items.ComputedItem}), each turning
 * facts into a measurement, listed in the one immutable {@link org.netmarket.items.ItemRegistry}.
 * Measuring is kept apart from judging, which the scoring package does; both speak the
 * rules package. Pure Java.
 */
package org.netmarket.items;
