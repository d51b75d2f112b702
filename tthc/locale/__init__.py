"""Words in the reader's language: the message table and the formats of days, rates and money."""
