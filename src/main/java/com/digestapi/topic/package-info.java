/** Feature: the topics articles are tagged with. */
package com.digestapi.topic;
