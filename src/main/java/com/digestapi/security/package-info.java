/** Who is reading: the editor role and what it lets a reader see. */
package com.digestapi.security;
