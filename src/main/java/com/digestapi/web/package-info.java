/** The request edge: body limit, CORS, strict JSON reading, merge patch, path ids, 201 Created, and the service's front door. */
package com.digestapi.web;
