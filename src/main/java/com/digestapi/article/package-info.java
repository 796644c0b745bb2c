/** Feature: articles, their queries, commands and the lineup that keeps each issue's positions 1..n. */
package com.digestapi.article;
