/** Feature: accounts that may sign in (HTTP Basic, bcrypt), and the first editor. */
package com.digestapi.account;
