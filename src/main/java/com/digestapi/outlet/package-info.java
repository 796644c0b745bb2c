/** Feature: the outlets whose pieces the digest summarises. */
package com.digestapi.outlet;
