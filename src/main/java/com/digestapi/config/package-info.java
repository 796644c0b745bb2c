/** The service's own settings: every {@code digest.*} property with its type and default, in {@link DigestConfig}. */
package com.digestapi.config;
