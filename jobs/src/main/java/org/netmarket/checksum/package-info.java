/** Checksums: SHA-256 in hex, shared by staging, the edition loader and the fact notes. Depends on nothing. */
package org.netmarket.checksum;
