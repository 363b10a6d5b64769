/** Small, framework-free types every feature uses: the domain exception with its stable error code. */
package org.lotledger.common;
