/** The request edge: body limit, CORS, strict JSON reading, portable text and dates, merge patch, path ids, 201 Created, GET by slug (301 for an old one), and the service's front door. */
package com.digestapi.web;
