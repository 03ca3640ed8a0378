"""The HTML side of meetings: the district mechanism, meetings and their follow-up, the
public pages, attachments and calendar feeds (one module each)."""
