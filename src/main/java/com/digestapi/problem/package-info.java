/** RFC 9457 problem responses: the problem types, the exception that carries one, and the one family of exception mappers. */
package com.digestapi.problem;
