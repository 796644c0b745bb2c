/**
 * Feature: webhooks. Editors subscribe URLs to event types; content writes put the events in an outbox in their own
 * transaction ({@link com.digestapi.webhook.WebhookOutbox}); a background sender signs and delivers them per the
 * Standard Webhooks specification, at least once and in order per subscription ({@link com.digestapi.webhook.WebhookSender}).
 */
package com.digestapi.webhook;
