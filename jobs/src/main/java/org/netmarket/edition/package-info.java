/**
 * The indicator system as data: an edition file under {@code schemas/editions/} read and
 * validated into categories, indicators, items, maxima, allowed points of assessed items and
 * the pass rule. Nothing about thresholds or maxima is written in Java.
 */
package org.netmarket.edition;
