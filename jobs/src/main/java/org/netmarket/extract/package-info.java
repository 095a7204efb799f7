/**
 * The input contract as data: the extract schemas under {@code schemas/extracts/} (columns,
 * types, keys, version columns, row rules) and the validation of one row against them, with a
 * reason a data clerk can act on, in English and Chinese ({@link org.netmarket.extract.RejectionReasons}).
 * No Spark here.
 */
package org.netmarket.extract;
