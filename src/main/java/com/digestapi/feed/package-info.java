/** Feature: Atom, RSS and JSON Feed syndication of the newest published articles. */
package com.digestapi.feed;
