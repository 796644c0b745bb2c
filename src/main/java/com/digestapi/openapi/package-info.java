/** Completes the generated OpenAPI document with what every operation shares. */
package com.digestapi.openapi;
