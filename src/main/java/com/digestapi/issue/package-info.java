/** Feature: issues with their articles, import and export of issue documents, and the demo digest. */
package com.digestapi.issue;
