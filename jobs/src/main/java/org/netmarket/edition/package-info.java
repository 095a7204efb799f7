/**
 * The indicator system as data: an edition file under {@code schemas/editions/} read and
 * validated into categories, indicators, items, maxima, allowed points of assessed items and
 * the pass rule, and the comparison words its rules are written in. Nothing about thresholds,
 * maxima or which word means which comparison is written in Java.
 */
package org.netmarket.edition;
