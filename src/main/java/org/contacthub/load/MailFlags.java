package org.contacthub.load;

/** What the headers of a message say about it, without anything that identifies a person. */
public record MailFlags(boolean autoReply, boolean bulk, boolean bounce, boolean internal, boolean spam) {}
