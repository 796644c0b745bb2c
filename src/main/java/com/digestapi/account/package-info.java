/** Feature: accounts and how they sign in (HTTP Basic with bcrypt, Bearer API tokens), and the first editor. */
package com.digestapi.account;
